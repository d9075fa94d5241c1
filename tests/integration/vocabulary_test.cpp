// The vocabulary as the daemon loads it from a real index: words read from the exact forms
// (each spelling's uses, every dispatch counted once however it spells a word), compounds from
// their own terms, and what is left out (numbers, joined compounds, one-letter words).
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "indexer/index/index_store.hpp"
#include "searchd/vocab/lexicon.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

class Vocabulary : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("vocabulary");
        const auto write = [](const std::string& file, const std::string& text) {
            s_index->write(file, text);
        };
        // "négociations" written 3 times in 2 dispatches, "negociations" once, in one of them.
        write("geneve.txt", "Négociations à Genève\n\nLes négociations reprennent en 2016, "
                            "les negociations de 2015 ayant échoué. Il a plu.\n");
        write("berne.txt", "Reprise des négociations\n\nUn cessez-le-feu est proclamé.\n");
        // "Leon" written twice, "Léon" once: the spelling without accents is the more used.
        write("leon.txt", "Le retour de Leon\n\nLeon Marchand, dit Léon, nage à Paris.\n");
        // "week-end" in two dispatches, "weekend" written as one word in a third.
        write("weekend_1.txt", "Un week-end agité\n\nLe week-end a été agité.\n");
        write("weekend_2.txt", "Fin de week-end\n\nDes bouchons ce week-end.\n");
        write("weekend_3.txt", "Le weekend des Parisiens\n\nUn weekend au soleil.\n");
        // "Maintenon" written as a name; "Maintenant" only where a sentence or a quote begins.
        write("maintenon.txt", "Madame de Maintenon\n\nMaintenant, Madame de Maintenon reçoit. "
                               "Le roi lui dit « Maintenant » au Trianon.\n");
        ASSERT_EQ(s_index->index().added, 7U);
        s_lexicon = vocab::Lexicon::load(index::open_for_reading(s_index->db()));
    }

    static void TearDownTestSuite() {
        s_lexicon.reset();
        s_index.reset();
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
    static std::shared_ptr<const vocab::Lexicon> s_lexicon;
};

std::unique_ptr<test::WrittenIndex> Vocabulary::s_index;
std::shared_ptr<const vocab::Lexicon> Vocabulary::s_lexicon;

TEST_F(Vocabulary, SpellsAWordAsTheDispatchesMostOftenDoAndCountsEachDispatchOnce) {
    const vocab::Entry* negociations = s_lexicon->word("negociations");
    ASSERT_NE(negociations, nullptr);
    EXPECT_EQ(negociations->text, "n\u00e9gociations");
    EXPECT_EQ(negociations->count, 2U); // not 3: one dispatch writes both spellings
    const vocab::Entry* leon = s_lexicon->word("leon");
    ASSERT_NE(leon, nullptr);
    EXPECT_EQ(leon->text, "leon");
    EXPECT_EQ(leon->count, 1U);
    const vocab::Entry* geneve = s_lexicon->word("geneve");
    ASSERT_NE(geneve, nullptr);
    EXPECT_EQ(geneve->text, "gen\u00e8ve");
}

TEST_F(Vocabulary, KeepsCompoundsWholeAndTheirJoinedFormsOnlyWhenWrittenSo) {
    const vocab::Entry* cessez = s_lexicon->word("cessez-le-feu");
    ASSERT_NE(cessez, nullptr);
    EXPECT_EQ(cessez->count, 1U);
    EXPECT_EQ(s_lexicon->word("cessezlefeu"), nullptr); // an exact form, not a word anyone wrote
    ASSERT_NE(s_lexicon->word("feu"), nullptr);         // its parts are words
    const vocab::Entry* week_end = s_lexicon->word("week-end");
    ASSERT_NE(week_end, nullptr);
    EXPECT_EQ(week_end->count, 2U);
    const vocab::Entry* weekend = s_lexicon->word("weekend");
    ASSERT_NE(weekend, nullptr);
    EXPECT_EQ(weekend->count, 1U); // the dispatch that writes it as one word
}

TEST_F(Vocabulary, LeavesOutNumbersAndOneLetterWordsWithoutAccents) {
    EXPECT_EQ(s_lexicon->word("2016"), nullptr);
    const vocab::Entry* a = s_lexicon->word("a");
    ASSERT_NE(a, nullptr); // "à" is a word to complete; "a" alone is not
    EXPECT_EQ(a->text, "\u00e0");
    EXPECT_EQ(a->count, 2U); // the dispatches that write "à"
    ASSERT_TRUE(s_lexicon->complete_words("20", 8).empty());
}

TEST_F(Vocabulary, CountsTheDispatchesThatWriteAWordAsAName) {
    const auto names = [](const std::string& key) {
        const vocab::Entry* entry = s_lexicon->word(key);
        return entry == nullptr ? std::string("none")
                                : std::to_string(entry->names) + "/" + std::to_string(entry->count);
    };
    EXPECT_EQ(names("maintenon"), "1/1");
    EXPECT_EQ(names("madame"), "1/1"); // first in the headline, but not in the body
    EXPECT_EQ(names("trianon"), "1/1");
    EXPECT_EQ(names("maintenant"), "0/1");
    EXPECT_EQ(names("leon"), "1/1");
    EXPECT_EQ(names("negociations"), "0/2"); // a headline's first word is no name
    EXPECT_EQ(names("geneve"), "1/1");
    EXPECT_TRUE(s_lexicon->word("maintenon")->is_name());
    EXPECT_FALSE(s_lexicon->word("maintenant")->is_name());
}

TEST_F(Vocabulary, NamesTheTermThatListsTheDispatchesWritingAWord) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    EXPECT_EQ(vocab::written_term("n\u00e9gociations"), "Enegociations");
    EXPECT_EQ(vocab::written_term("cessez-le-feu"), "Wcessez-le-feu");
    EXPECT_EQ(db.get_termfreq(vocab::written_term("n\u00e9gociations")), 2U);
    EXPECT_EQ(db.get_termfreq(vocab::written_term("leon")), 1U);
    EXPECT_EQ(db.get_termfreq(vocab::written_term("cessez-le-feu")), 1U);
    EXPECT_EQ(db.get_termfreq(vocab::written_term("week-end")), 2U);
    // A single word has no vocabulary term of its own: its exact forms list it.
    EXPECT_FALSE(db.term_exists("Wn\u00e9gociations"));
}

} // namespace
} // namespace depeches
