// Unit: reading a MyThes thesaurus (indexer/associations/thesaurus.hpp) and the associations
// Learner::learn_thesaurus makes of it.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/associations/learner.hpp"
#include "indexer/associations/thesaurus.hpp"
#include "tests/associations_corpus.hpp"

namespace depeches::associations {
namespace {

std::vector<ThesaurusEntry> read(const std::string& text) {
    std::istringstream in(text);
    return read_thesaurus(in);
}

using test::term_of;
using test::translation;

TEST(Thesaurus, ReadsEachWordWithTheSynonymsOfAllItsMeanings) {
    const std::vector<ThesaurusEntry> entries = read("UTF-8\r\n"
                                                     "décès|2\r\n"
                                                     "(Nom)|mort|trépas (littéraire)\r\n"
                                                     "(Nom)|disparition|fin de vie\r\n"
                                                     "\n"
                                                     "libérer|1\n"
                                                     "(Verbe)|relâcher|délivrer|\n");
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].word, "décès");
    EXPECT_EQ(entries[0].synonyms,
              (std::vector<std::string>{"mort", "trépas", "disparition", "fin de vie"}));
    EXPECT_EQ(entries[1].word, "libérer");
    EXPECT_EQ(entries[1].synonyms, (std::vector<std::string>{"relâcher", "délivrer"}));
}

TEST(Thesaurus, RefusesWhatIsNotOneNamingTheLine) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "empty file"},
        {"ISO8859-1\nmot|1\n(Nom)|terme\n", "line 1: the first line names the encoding"},
        {"UTF-8\nmot\n(Nom)|terme\n", "line 2: an entry is"},
        {"UTF-8\nmot|0\n", "line 2: an entry is"},
        {"UTF-8\nmot|deux\n(Nom)|terme\n", "line 2: an entry is"},
        {"UTF-8\nmot|2\n(Nom)|terme\n", "line 3: the file ends before the 2 meanings of \"mot\""},
        {"UTF-8\nmot|1\nterme|vocable\n", "line 3: a meaning is"},
        {"UTF-8\nmot|1\n(Nom)|d\xE9\x63\xE8s\n", "line 3: not UTF-8"},
    };
    for (const auto& [text, message] : cases) {
        try {
            read(text);
            ADD_FAILURE() << "read: " << text;
        } catch (const ThesaurusError& e) {
            EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
        }
    }
}

TEST(ThesaurusLearner, MakesSynonymsTranslateIntoEachOther) {
    Learner learner;
    // Bodies alone: no summary to learn from.
    learner.add("Le décès du maire a été annoncé samedi.", {});
    learner.add("Le maire a inauguré le pont samedi.", {});
    learner.add("Deux suspects relâchés par la police.", {});
    learner.add("La police a arrêté deux suspects.", {});
    learner.add("La gendarmerie enquête.", {});
    EXPECT_EQ(learner.pairs(), 0U);
    EXPECT_EQ(learner.bodies(), 5U);
    const Table table = learner.learn_thesaurus(read("UTF-8\n"
                                                     "décès|1\n"
                                                     "(Nom)|mort|fin de vie\n"
                                                     "libérer|1\n"
                                                     "(Verbe)|relâcher|délivrer\n"
                                                     "police|1\n"
                                                     "(Nom)|gendarmerie\n"
                                                     "dans|1\n"
                                                     "(Preposition)|parmi|chez\n"));
    EXPECT_EQ(table.pairs(), 5U);
    // Both ways, with the same probability, wherever the synonym is in some body: "mort" in a
    // query finds "décès"; "libérer" finds "relâchés".
    ThesaurusOptions options;
    EXPECT_EQ(translation(table, "mort", "décès"), options.probability);
    EXPECT_EQ(translation(table, "libérer", "relâchés"), options.probability);
    // No body has "mort", "délivrer" or "libérer": they translate nothing.
    EXPECT_EQ(table.body_word(term_of("mort")), -1);
    EXPECT_EQ(table.body_word(term_of("délivrer")), -1);
    EXPECT_EQ(translation(table, "relâcher", "libérer"), 0.0F);
    EXPECT_EQ(translation(table, "police", "gendarmerie"), options.probability);
    EXPECT_EQ(translation(table, "gendarmerie", "police"), options.probability);
    // A word's share is that of the bodies having it, at least one: "police" is in two of
    // five, "mort" in none.
    const auto share = [&table](const std::string& word) {
        const std::int64_t index = table.summary_word(term_of(word));
        return index < 0 ? -1.0 : table.summary_share(static_cast<std::uint32_t>(index));
    };
    EXPECT_DOUBLE_EQ(share("police"), 0.4);
    EXPECT_DOUBLE_EQ(share("mort"), 0.2);
    // Stop words and phrases are left out.
    EXPECT_EQ(table.summary_word(term_of("dans")), -1);
    EXPECT_EQ(table.summary_word(term_of("parmi")), -1);
    EXPECT_EQ(table.body_word("vie"), -1);
}

} // namespace
} // namespace depeches::associations
