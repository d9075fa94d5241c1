// Tests of completions() over a vocabulary made by hand: what is offered, in which order, and
// how the words typed before the last one rank its completions.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "searchd/service/spelling.hpp"
#include "searchd/vocab/lexicon.hpp"

namespace depeches::search {
namespace {

std::vector<std::string> texts(const std::vector<Completion>& completions) {
    std::vector<std::string> out;
    for (const Completion& c : completions) {
        out.push_back(c.text);
    }
    return out;
}

TEST(Completions, LeaveOutTheLongTailOfMisspellings) {
    vocab::Lexicon lexicon;
    lexicon.add_word("coronavirus", 4995);
    lexicon.add_word("coronavac", 60);
    lexicon.add_word("coronaviurus", 3);   // a typo
    lexicon.add_word("coronavirusune", 2); // two words glued
    lexicon.add_word("zygomatique", 2);    // as rare as the words it comes with: kept
    lexicon.add_word("zygote", 1);
    lexicon.finish();
    EXPECT_EQ(texts(completions("corona", lexicon, 8)),
              (std::vector<std::string>{"coronavirus", "coronavac"}));
    EXPECT_EQ(texts(completions("zyg", lexicon, 8)),
              (std::vector<std::string>{"zygomatique", "zygote"}));
}

TEST(Completions, AHyphenJustTypedAsksForCompounds) {
    vocab::Lexicon lexicon;
    lexicon.add_word("jean", 900);
    lexicon.add_word("jean-luc", 300);
    lexicon.add_word("jean-pierre", 200);
    lexicon.add_word("seine-saint-denis", 50);
    lexicon.finish();
    EXPECT_EQ(texts(completions("Jean-", lexicon, 8)),
              (std::vector<std::string>{"Jean-Luc", "Jean-Pierre"}));
    EXPECT_EQ(texts(completions("à Seine-Saint-", lexicon, 8)),
              (std::vector<std::string>{"à Seine-Saint-Denis"}));
    EXPECT_TRUE(completions("-", lexicon, 8).empty());
}

TEST(Completions, WordsThatGoWithTheWordsBeforeComeFirst) {
    vocab::Lexicon lexicon;
    lexicon.add_word("mercredi", 6000);
    lexicon.add_word("merci", 400);
    lexicon.add_word("merkel", 240);
    lexicon.add_word("mercosur", 16);
    lexicon.finish();
    // Without context, most frequent first.
    EXPECT_EQ(texts(completions("Macron mer", lexicon, 8)),
              (std::vector<std::string>{"Macron mercredi", "Macron merci", "Macron merkel",
                                        "Macron mercosur"}));
    std::vector<std::string> asked_before;
    const Cooccurrence together = [&asked_before](const std::vector<analysis::Token>& before,
                                                  const std::vector<std::string>& words) {
        for (const analysis::Token& token : before) {
            asked_before.push_back(token.form);
        }
        std::vector<double> affinity;
        for (const std::string& word : words) {
            affinity.push_back(word == "merkel" ? 35.6 : word == "mercosur" ? 16.2 : 0);
        }
        return affinity;
    };
    // Those that go with "Macron" first, best first; the others after, most frequent first.
    EXPECT_EQ(texts(completions("Macron mer", lexicon, 8, together)),
              (std::vector<std::string>{"Macron merkel", "Macron mercosur", "Macron mercredi",
                                        "Macron merci"}));
    EXPECT_EQ(asked_before, std::vector<std::string>{"macron"});
    // One word alone has nothing to go with.
    asked_before.clear();
    EXPECT_EQ(texts(completions("mer", lexicon, 8, together)).front(), "mercredi");
    EXPECT_TRUE(asked_before.empty());
    // When it cannot tell, the frequency order stays.
    const Cooccurrence unknown = [](const auto&, const auto&) { return std::vector<double>{}; };
    EXPECT_EQ(texts(completions("Macron mer", lexicon, 8, unknown)).front(), "Macron mercredi");
}

TEST(Completions, OfferWhatAPrefixWithATypoWasStartingFirst) {
    vocab::Lexicon lexicon;
    lexicon.add_word("macron", 5000);
    lexicon.add_word("macorn", 1); // a misspelling one dispatch writes
    lexicon.add_word("coronavirus", 4995);
    lexicon.add_word("coronavirsu", 2);
    lexicon.add_word("les", 90000); // a stop word one typo from "lees"
    lexicon.finish();
    // "macor" begins only a rare word: Macron, one typo away, comes first.
    EXPECT_EQ(texts(completions("macor", lexicon, 8)),
              (std::vector<std::string>{"macron", "macorn"}));
    EXPECT_EQ(texts(completions("Emmanuel Macorn", lexicon, 8)).front(), "Emmanuel Macron");
    // What the prefix begins is frequent: nothing a typo away.
    EXPECT_EQ(texts(completions("coronavir", lexicon, 8)), std::vector<std::string>{"coronavirus"});
    // Too short to tell a typo, and never a stop word.
    EXPECT_TRUE(texts(completions("mco", lexicon, 8)).empty());
    EXPECT_TRUE(texts(completions("lees", lexicon, 8)).empty());
}

TEST(Completions, SpellANameTheReaderTypedOneWayInEveryCompletion) {
    vocab::Lexicon lexicon;
    lexicon.add_phrase("\u00e9douard philippe annonce", 8);
    lexicon.add_phrase("edouard philippe r\u00e9pond", 5);
    lexicon.add_phrase("\u00e9douard philippe face", 4);
    lexicon.add_word("philippe", 324);
    lexicon.add_phrase("marche pour le climat", 9);
    lexicon.add_phrase("march\u00e9 public", 6);
    lexicon.finish();
    // The dispatches write the name both ways; the first completion decides for the list.
    EXPECT_EQ(texts(completions("Edouard Phi", lexicon, 8)),
              (std::vector<std::string>{"\u00c9douard Philippe annonce",
                                        "\u00c9douard Philippe r\u00e9pond",
                                        "\u00c9douard Philippe face", "\u00c9douard Philippe"}));
    EXPECT_EQ(texts(completions("Edouard Philippe ", lexicon, 8)),
              (std::vector<std::string>{"\u00c9douard Philippe annonce",
                                        "\u00c9douard Philippe r\u00e9pond",
                                        "\u00c9douard Philippe face"}));
    // Words typed without a capital keep each entry's spelling: homographs differ by accents.
    EXPECT_EQ(texts(completions("marche p", lexicon, 8)),
              (std::vector<std::string>{"marche pour le climat", "march\u00e9 public",
                                        "marche philippe"}));
}

} // namespace
} // namespace depeches::search
