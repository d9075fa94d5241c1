// Unit: learning word associations from headlines and bodies (indexer/associations/learner.hpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/associations/learner.hpp"

namespace depeches::associations {
namespace {

/// The analyzer's term for `word`.
std::string term(const std::string& word) {
    analysis::Analyzer analyzer;
    std::vector<analysis::Token> tokens;
    analyzer.tokenize(word, tokens);
    return analyzer.term(tokens.at(0));
}

/// t(summary word | body word) in `table` for these words, 0 when it has no such translation.
float translation(const Table& table, const std::string& summary, const std::string& body) {
    const std::int64_t w = table.summary_word(term(summary));
    const std::int64_t u = table.body_word(term(body));
    if (w < 0 || u < 0) {
        return 0;
    }
    for (const Translation& t : table.translations_into(static_cast<std::uint32_t>(w))) {
        if (t.word == static_cast<std::uint32_t>(u)) {
            return t.probability;
        }
    }
    return 0;
}

TEST(AssociationLearner, LearnsWhichBodyWordsAHeadlineWordComesWith) {
    Learner learner;
    // Headlines say "meurt"; their bodies say "décédé", with words of their own around it.
    const char* places[] = {"Lyon", "Brest", "Nice", "Metz", "Pau", "Sète"};
    const char* others[] = {"vélo", "bateau", "train", "avion", "tram", "bus"};
    for (int i = 0; i < 6; ++i) {
        const std::string place = places[i];
        const std::string other = others[i];
        learner.add("Un homme est décédé à " + place + " samedi, renversé par un " + other + ".",
                    {"Un homme meurt à " + place, ""});
        // Headlines on other matters, so that no word goes with everything.
        learner.add("Le " + other + " de " + place +
                        " reprend du service lundi, annonce la mairie.",
                    {"Le " + other + " reprend à " + place});
    }
    EXPECT_EQ(learner.pairs(), 12U);
    LearnOptions options;
    options.max_body_share = 0.6; // so small a corpus: "décédé" is in half the pairs
    options.max_summary_share = 0.6;
    const Table table = learner.learn(options);
    EXPECT_EQ(table.pairs(), 12U);
    const float meurt_decede = translation(table, "meurt", "décédé");
    EXPECT_GT(meurt_decede, 0.3F);
    // A body word goes to the summary words it comes with, not to the others.
    EXPECT_GT(meurt_decede, translation(table, "meurt", "service"));
    EXPECT_GT(translation(table, "reprend", "service"), meurt_decede / 2);
    // Never a word into itself (the word's own match scores it), never a stop word, and no
    // word fewer than three summaries have ("Lyon").
    EXPECT_EQ(translation(table, "homme", "homme"), 0.0F);
    EXPECT_EQ(table.summary_word(term("un")), -1);
    EXPECT_EQ(table.summary_word(term("Lyon")), -1);
}

TEST(AssociationLearner, LeavesOutWhatGoesWithEverything) {
    Learner learner;
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        learner.add("Communiqué " + n + " : la préfecture annonce un arrêté.",
                    {"Préfecture : arrêté " + n});
    }
    LearnOptions options;
    const Table table = learner.learn(options);
    // Every summary has "préfecture" and "arrêté": too common to write (over 5 %), and
    // "communiqué", in every body, translates nothing (over 20 %).
    EXPECT_EQ(table.summary_word(term("préfecture")), -1);
    EXPECT_EQ(table.body_word(term("communiqué")), -1);
    EXPECT_TRUE(table.empty());
}

} // namespace
} // namespace depeches::associations
