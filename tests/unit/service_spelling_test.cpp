// Tests of spelling_suggestion() with corrections and co-occurrences given by hand: which words
// it replaces, what it keeps as typed, and which correction it chooses.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "searchd/service/spelling.hpp"

namespace depeches::search {
namespace {

/// Corrections nearest first, then most frequent, as typo_corrections gives them.
const std::map<std::string, std::vector<std::string>> k_corrections = {
    {"alepp", {"alep"}},
    {"couos", {"cours", "coups"}},           // both one edit away; "cours" is more frequent
    {"decideirs", {"décideurs", "décider"}}, // one edit away, then two
    {"negotiations", {"négociations"}},
    {"rolle", {"roll", "rôle"}}, // both one edit away; "roll" is more frequent
    {"caule", {"cause"}},
    {"beuve", {"veuve"}},
    {"saknt", {"saint"}},
    {"devinet", {"devient"}},
};

std::optional<std::string> suggest(const std::string& query, const Cooccurrence& together = {},
                                   const WrittenCompound& written = {}) {
    analysis::Analyzer analyzer;
    const Corrector corrector = [](const query::TypedWord& word, const analysis::TermChoice&) {
        const auto it = k_corrections.find(std::string(word.form));
        return it == k_corrections.end() ? std::vector<std::string>{} : it->second;
    };
    return spelling_suggestion(query, corrector, analyzer, together, written);
}

TEST(SpellingSuggestion, CorrectsACompoundsPartsOnlyIntoACompoundTheDispatchesWrite) {
    std::vector<std::string> asked;
    const WrittenCompound written = [&asked](std::string_view key) {
        asked.emplace_back(key);
        return key == "mont-saint-michel";
    };
    EXPECT_EQ(suggest("Mont-Saknt-Michel", {}, written), "Mont-Saint-Michel");
    EXPECT_EQ(asked, std::vector<std::string>{"mont-saint-michel"});
    // A place the dispatches do not name, not "Cause-Sainte-Veuve"; the other words are
    // still corrected.
    EXPECT_EQ(suggest("Caule-Sainte-Beuve Alepp", {}, written), "Caule-Sainte-Beuve Alep");
    EXPECT_EQ(suggest("Caule-Sainte-Beuve", {}, written), std::nullopt);
    // A question's verb and its subject is no compound a text writes.
    EXPECT_EQ(suggest("Quand devinet-il roi", {}, written), "Quand devient-il roi");
    // Without the check, every part is corrected.
    EXPECT_EQ(suggest("Caule-Sainte-Beuve"), "Cause-Sainte-Veuve");
}

TEST(SpellingSuggestion, ReplacesTheWordsTheIndexBarelyKnowsAndKeepsTheRestAsTyped) {
    EXPECT_EQ(suggest("Alep"), std::nullopt);
    EXPECT_EQ(suggest("Alepp"), "Alep");
    EXPECT_EQ(suggest("\"quartiers d'Alepp\" OR negotiations -Damas"),
              "\"quartiers d'Alep\" OR négociations -Damas");
}

TEST(SpellingSuggestion, ChoosesAmongTheNearestTheOneWithTheAccentsTyped) {
    EXPECT_EQ(suggest("rôlle"), "rôle");
    // Typed without accents, the most frequent: most readers type none.
    EXPECT_EQ(suggest("rolle"), "roll");
    // The accents typed come before the words next to it.
    const Cooccurrence together = [](const std::vector<analysis::Token>&,
                                     const std::vector<std::string>& candidates) {
        std::vector<double> affinity;
        for (const std::string& c : candidates) {
            affinity.push_back(c == "roll" ? 12.5 : 0);
        }
        return affinity;
    };
    EXPECT_EQ(suggest("rôlle principal", together), "rôle principal");
    EXPECT_EQ(suggest("rolle principal", together), "roll principal");
}

TEST(SpellingSuggestion, ChoosesAmongTheNearestTheCorrectionThatGoesWithTheOtherWords) {
    std::vector<std::string> asked_with;
    std::vector<std::string> asked_for;
    const Cooccurrence together = [&](const std::vector<analysis::Token>& with,
                                      const std::vector<std::string>& candidates) {
        for (const analysis::Token& token : with) {
            asked_with.push_back(token.form);
        }
        asked_for = candidates;
        std::vector<double> affinity;
        for (const std::string& c : candidates) {
            affinity.push_back(c == "coups" || c == "décider" ? 12.5 : 0);
        }
        return affinity;
    };
    // Without the other words, the nearest, then the most frequent.
    EXPECT_EQ(suggest("tué couos"), "tué cours");
    // With them, what goes with "tué", asked with the words next to it left as typed (not
    // stop words, not the misspelt word).
    EXPECT_EQ(suggest("tué de couos", together), "tué de coups");
    EXPECT_EQ(asked_with, std::vector<std::string>{"tue"});
    EXPECT_EQ(asked_for, (std::vector<std::string>{"cours", "coups"}));
    // In a longer query, the words next to it: few dispatches have them all.
    asked_with.clear();
    EXPECT_EQ(suggest("tué à Paris de couos poêle frire", together),
              "tué à Paris de coups poêle frire");
    EXPECT_EQ(asked_with, (std::vector<std::string>{"paris", "poele"}));
    // Alone, nothing to go with.
    asked_for.clear();
    EXPECT_EQ(suggest("couos", together), "cours");
    EXPECT_TRUE(asked_for.empty());
    // A farther correction is not chosen for what it goes with: "décideirs" is one edit from
    // "décideurs", two from "décider".
    EXPECT_EQ(suggest("décideirs inefficacité", together), "décideurs inefficacité");
    // Nothing goes with them: the first stays.
    const Cooccurrence nothing = [](const std::vector<analysis::Token>&,
                                    const std::vector<std::string>& candidates) {
        return std::vector<double>(candidates.size(), 0.0);
    };
    EXPECT_EQ(suggest("tué couos", nothing), "tué cours");
}

} // namespace
} // namespace depeches::search
