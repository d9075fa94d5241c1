// Tests of the Hunspell dictionary and of the language it makes with the word list: the
// inflections a word list lacks, names as typed or in lower case, accents, and files that are
// not dictionaries refused with a clear message.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "searchd/vocab/language.hpp"

namespace depeches::vocab {
namespace {

namespace fs = std::filesystem;

class DictionaryFiles : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "depeches-dictionary-XXXXXX").string();
        m_dir = ::mkdtemp(pattern.data());
        // A dictionary as Hunspell's French one is made: entries with the rules that inflect
        // them (X: -al → -aux; S: plural -s).
        write("fr.aff", "SET UTF-8\n\nSFX X Y 1\nSFX X al aux al\n\nSFX S Y 1\nSFX S 0 s .\n");
        write("fr.dic", "3\nsociétal/XS\nplanification/S\nSyrie\n");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(m_dir / name, std::ios::binary) << text;
    }

    /// The message the Dictionary constructor throws for `prefix`, or "" when it reads it.
    static std::string error_of(const fs::path& prefix) {
        try {
            const Dictionary dictionary(prefix);
        } catch (const DictionaryError& e) {
            return e.what();
        }
        return "";
    }

    fs::path m_dir;
};

TEST_F(DictionaryFiles, KnowsEveryInflectionAndNamesWithTheirCapital) {
    const Dictionary dictionary(m_dir / "fr");
    for (const char* word : {"sociétal", "sociétaux", "planifications", "Syrie"}) {
        SCOPED_TRACE(word);
        EXPECT_TRUE(dictionary.knows(word));
    }
    for (const char* word : {"sociaux", "societaux", "planificationss", "", "syrie"}) {
        SCOPED_TRACE(word);
        EXPECT_FALSE(dictionary.knows(word));
    }
    EXPECT_FALSE(dictionary.knows(std::string(200, 'a')));
}

TEST_F(DictionaryFiles, MakesTheLanguageWithTheWordList) {
    const Language language(WordList::of("comment\n"),
                            std::make_shared<const Dictionary>(m_dir / "fr"));
    EXPECT_TRUE(language.has("comment", "comment"));     // the word list
    EXPECT_TRUE(language.has("societaux", "sociétaux")); // the dictionary, accents as typed
    EXPECT_FALSE(language.has("societaux", "societaux"));
    EXPECT_TRUE(language.has("syrie", "syrie")); // a name typed in lower case
    EXPECT_FALSE(language.has("sociaux", "sociaux"));
    // Without a dictionary, only the list.
    const Language words(WordList::of("comment\n"), nullptr);
    EXPECT_TRUE(words.has("comment", "comment"));
    EXPECT_FALSE(words.has("societaux", "sociétaux"));
    EXPECT_FALSE(Language().has("comment", "comment"));
}

TEST_F(DictionaryFiles, RefusesFilesThatAreNotADictionary) {
    EXPECT_NE(error_of(m_dir / "none").find("cannot read the dictionary file"), std::string::npos);
    EXPECT_NE(error_of(m_dir / "none").find("none.aff"), std::string::npos);
    write("empty.aff", "SET UTF-8\n");
    write("empty.dic", "");
    EXPECT_NE(error_of(m_dir / "empty").find("empty.dic is empty"), std::string::npos);
    write("words.aff", "SET UTF-8\n");
    write("words.dic", "bonjour\nmaison\n");
    EXPECT_NE(error_of(m_dir / "words").find("not a Hunspell dictionary"), std::string::npos);
    EXPECT_EQ(error_of(m_dir / "fr"), "");
}

} // namespace
} // namespace depeches::vocab
