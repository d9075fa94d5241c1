// Tests of the vocabulary snapshot: edit distance, typo budget, corrections, completions and
// synonyms, on a lexicon filled by hand (the integration tests load one from a real index).
#include <bit>

#include <gtest/gtest.h>

#include "searchd/vocab/lexicon.hpp"

namespace depeches::vocab {
namespace {

TEST(Lexicon, MeasuresEditsWithAdjacentSwapsAndStopsAtTheLimit) {
    struct Case {
        std::u32string a;
        std::u32string b;
        unsigned limit;
        unsigned expected;
    };
    const std::vector<Case> cases{
        {U"alep", U"alep", 2, 0},
        {U"alepp", U"alep", 2, 1},
        {U"lavorv", U"lavrov", 2, 1}, // one swap
        {U"negotiations", U"negociations", 2, 1},
        {U"evacuation", U"evakuasion", 2, 2},
        {U"evacuation", U"evakuasiom", 2, 3},
        {U"a", U"abcdef", 2, 3}, // length gap above the limit
        {U"", U"ab", 2, 2},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(edit_distance(c.a, c.b, c.limit), c.expected);
    }
}

/// Every word one edit (insert, delete, substitute, swap) away from `word`, over `letters`.
std::vector<std::u32string> one_edit(const std::u32string& word, std::u32string_view letters) {
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i <= word.size(); ++i) {
        for (const char32_t c : letters) {
            out.push_back(word.substr(0, i) + c + word.substr(i));
            if (i < word.size()) {
                out.push_back(word.substr(0, i) + c + word.substr(i + 1));
            }
        }
        if (i < word.size()) {
            out.push_back(word.substr(0, i) + word.substr(i + 1));
        }
        if (i + 1 < word.size()) {
            std::u32string swapped = word;
            std::swap(swapped[i], swapped[i + 1]);
            out.push_back(swapped);
        }
    }
    return out;
}

TEST(Lexicon, LetterMasksNeverRuleOutAWordWithinTwoEdits) {
    // The typo scan skips words whose letter masks differ in more than twice the budget: it
    // must never skip one within it, accents, ligatures and code points 64 apart included.
    const std::u32string letters = U"aeqé\u0101\u00e0\u0153zx";
    for (const std::u32string word : {U"alep", U"négociations", U"œuvre", U"aaa"}) {
        const std::uint64_t mask = letter_mask(word);
        for (const std::u32string& once : one_edit(word, letters)) {
            EXPECT_LE(std::popcount(letter_mask(once) ^ mask), 2);
            for (const std::u32string& twice : one_edit(once, letters)) {
                const unsigned distance = edit_distance(word, twice, 2);
                if (distance <= 2) { // a swap over a substituted letter is 3 for OSA
                    EXPECT_LE(std::popcount(letter_mask(twice) ^ mask),
                              2 * static_cast<int>(distance));
                }
            }
        }
    }
}

TEST(Lexicon, ToleratesOneTypoThenTwoForLongWords) {
    EXPECT_EQ(typo_budget(3), 0U);
    EXPECT_EQ(typo_budget(4), 1U);
    EXPECT_EQ(typo_budget(7), 1U);
    EXPECT_EQ(typo_budget(8), 2U);
}

Lexicon sample() {
    Lexicon lexicon;
    lexicon.add_word("alep", 40);
    lexicon.add_word("alpes", 12);
    lexicon.add_word("alepo", 1);
    lexicon.add_word("négociations", 30);
    lexicon.add_word("negociations", 2); // another spelling of the same key
    lexicon.add_word("lavrov", 9);
    lexicon.add_phrase("état islamique", 5);
    lexicon.add_phrase("état d'urgence", 7);
    lexicon.add_synonyms({"osdh", "observatoire syrien des droits de l'homme"});
    lexicon.finish();
    return lexicon;
}

TEST(Lexicon, CorrectsUnknownWordsWithFrequentNeighbours) {
    const Lexicon lexicon = sample();
    const auto alepp = lexicon.corrections("alepp", 0, 3);
    ASSERT_EQ(alepp.size(), 2U); // alep (1 edit), alepo (1 edit, rarer); not alpes (2)
    EXPECT_EQ(alepp[0].entry->text, "alep");
    EXPECT_EQ(alepp[1].entry->text, "alepo");
    const auto negotiations = lexicon.corrections("negotiations", 0, 1);
    ASSERT_EQ(negotiations.size(), 1U);
    EXPECT_EQ(negotiations[0].entry->text, "négociations"); // the most frequent spelling
    EXPECT_EQ(negotiations[0].entry->count, 32U);
    // A word known often enough is meant: alepo (1) has alep (40) ten times above it, but a
    // word known three times has no neighbour thirty times as frequent.
    EXPECT_EQ(lexicon.corrections("alepo", 1, 3).front().entry->text, "alep");
    EXPECT_TRUE(lexicon.corrections("alepo", 5, 3).empty());
    EXPECT_TRUE(lexicon.corrections("ale", 0, 3).empty()); // too short to correct
}

TEST(Lexicon, FindsTheWordsAPrefixWithATypoWasStarting) {
    Lexicon lexicon;
    lexicon.add_word("macron", 5000);
    lexicon.add_word("majorité", 3000);
    lexicon.add_word("macorn", 1);       // a misspelling one dispatch writes
    lexicon.add_word("marché", 2000);    // two edits from "macor"
    lexicon.add_word("racor", 400);      // one edit, but not the same first letter
    lexicon.add_word("macron-ist", 900); // a compound
    lexicon.finish();
    const auto texts = [&lexicon](std::string_view prefix, Xapian::doccount least) {
        std::vector<std::string> out;
        for (const Entry* e : lexicon.near_prefix(prefix, least, 8)) {
            out.push_back(e->text);
        }
        return out;
    };
    // "macor": "macro" (a swap), "major" (a substitution); "macorn" begins with it exactly.
    EXPECT_EQ(texts("macor", 10), (std::vector<std::string>{"macron", "majorité"}));
    EXPECT_EQ(texts("macor", 4000), std::vector<std::string>{"macron"}); // the frequent only
    // Words that begin with the prefix itself are not near it.
    EXPECT_EQ(texts("macro", 1), std::vector<std::string>{"macorn"});
}

TEST(Lexicon, CorrectsAWordDispatchesWriteWithinOneEditOnly) {
    // Two edits from a frequent word, a word no dispatch writes is a typo of it, but one that
    // dispatches write is another word: Manosque is not masque, comporte is not compte.
    Lexicon lexicon;
    lexicon.add_word("compte", 4800);
    lexicon.add_word("comporte", 150);
    lexicon.add_word("procureur", 1100);
    lexicon.add_word("procureura", 1); // "le procureur a" without its space
    lexicon.finish();
    EXPECT_TRUE(lexicon.corrections("comporte", 150, 3).empty());
    const auto unwritten = lexicon.corrections("comprte", 0, 3); // one edit from both
    ASSERT_EQ(unwritten.size(), 2U);
    EXPECT_EQ(unwritten[0].entry->text, "compte");
    const auto typo = lexicon.corrections("compotte", 0, 3); // two edits from compte
    ASSERT_EQ(typo.size(), 2U);
    EXPECT_EQ(typo[0].entry->text, "comporte"); // one edit
    EXPECT_EQ(typo[1].entry->text, "compte");
    // One edit away, a written word is still corrected when the other is ten times as frequent.
    const auto glued = lexicon.corrections("procureura", 1, 3);
    ASSERT_EQ(glued.size(), 1U);
    EXPECT_EQ(glued[0].entry->text, "procureur");
}

TEST(Lexicon, TakesAWordFoundInFiveDispatchesOrMoreAsMeant) {
    Lexicon lexicon;
    lexicon.add_word("retraites", 805);
    lexicon.add_word("retraits", 30);
    lexicon.finish();
    // retraits (30 dispatches) is a word, not a typo of retraites, though 27 times rarer.
    EXPECT_TRUE(lexicon.corrections("retraits", 30, 3).empty());
    EXPECT_TRUE(lexicon.corrections("retraits", 5, 3).empty());
    // Found in four dispatches, it may be a typo repeated (copies, a misspelt name).
    ASSERT_EQ(lexicon.corrections("retraits", 4, 3).size(), 1U);
    EXPECT_EQ(lexicon.corrections("retraits", 4, 3).front().entry->text, "retraites");
}

TEST(Lexicon, ScansEachLengthMostFrequentFirstAndStopsBelowTheNeededCount) {
    // The scan stops at the first word too rare to replace the typo: the frequent neighbour
    // must come before the rare ones of its length, whatever their alphabetical order.
    Lexicon lexicon;
    lexicon.add_word("parie", 2);
    lexicon.add_word("parin", 3);
    lexicon.add_word("paris", 500);
    lexicon.add_word("parti", 80);
    lexicon.finish();
    const auto found = lexicon.corrections("parid", 1, 3); // needs 10 dispatches or more
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].entry->text, "paris");
    EXPECT_EQ(lexicon.corrections("parid", 0, 3).size(), 3U); // parie, parin, paris
}

TEST(Lexicon, CompletesCompoundsButNeverCorrectsAWordToOne) {
    Lexicon lexicon;
    lexicon.add_word("sud-est", 500);
    lexicon.add_word("sud", 900);
    lexicon.finish();
    // "sudest" is one edit from "sud-est", but a typed word is never a compound's typo.
    EXPECT_TRUE(lexicon.corrections("sudest", 0, 3).empty());
    const auto words = lexicon.complete_words("sud-", 5);
    ASSERT_EQ(words.size(), 1U);
    EXPECT_EQ(words[0]->text, "sud-est");
}

TEST(Lexicon, CompletesWordsAndPhrasesMostFrequentFirst) {
    const Lexicon lexicon = sample();
    const auto words = lexicon.complete_words("ale", 5);
    ASSERT_EQ(words.size(), 2U);
    EXPECT_EQ(words[0]->text, "alep");
    EXPECT_EQ(words[1]->text, "alepo");
    const auto phrases = lexicon.complete_phrases("etat ", 5);
    ASSERT_EQ(phrases.size(), 2U);
    EXPECT_EQ(phrases[0]->text, "état d'urgence");
    EXPECT_EQ(phrases[1]->text, "état islamique");
    EXPECT_EQ(lexicon.word("negociations")->text, "négociations");
    EXPECT_EQ(lexicon.word("nego"), nullptr);
}

TEST(Lexicon, KnowsLearntAndCuratedSynonymsBothWays) {
    const Lexicon lexicon = sample();
    EXPECT_EQ(lexicon.synonyms("osdh"),
              std::vector<std::string>{"observatoire syrien des droits de l'homme"});
    EXPECT_EQ(lexicon.synonyms("observatoire syrien des droits de homme"),
              std::vector<std::string>{"osdh"});
    EXPECT_EQ(lexicon.synonyms(key_of("Daech")),
              (std::vector<std::string>{"ei", "état islamique", "daesh"}));
    EXPECT_EQ(lexicon.synonyms("djihadiste"), std::vector<std::string>{"jihadiste"});
    EXPECT_TRUE(lexicon.synonyms("alep").empty());
}

} // namespace
} // namespace depeches::vocab
