// Tests of the word list: words folded as the tokenizer folds them, lines that are not one word
// left out, and files that are not word lists refused with a clear message.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "searchd/vocab/word_list.hpp"

namespace depeches::vocab {
namespace {

namespace fs = std::filesystem;

TEST(WordList, KnowsItsWordsFoldedAsTheTokenizerFoldsThem) {
    const WordList list = WordList::of("décidée\r\nÉté\nœuvre\nfâché\npleura\n");
    EXPECT_EQ(list.size(), 5U);
    for (const char* form : {"decidee", "ete", "oeuvre", "fache", "pleura"}) {
        SCOPED_TRACE(form);
        EXPECT_TRUE(list.has(form));
    }
    for (const char* form : {"decide", "décidée", "pleur", "pleurai", "", "oeuvres"}) {
        SCOPED_TRACE(form);
        EXPECT_FALSE(list.has(form));
    }
}

TEST(WordList, LeavesOutLinesThatAreNotOneWord) {
    const WordList list = WordList::of("abat-jour\nc'est\nmot composé\n8000\nal.\n\n\xff\xfe\nfin");
    EXPECT_EQ(list.size(), 1U);
    EXPECT_TRUE(list.has("fin")); // the last line, without a newline
    for (const char* form : {"abat", "jour", "abatjour", "est", "mot", "8000", "al"}) {
        SCOPED_TRACE(form);
        EXPECT_FALSE(list.has(form));
    }
    EXPECT_FALSE(WordList().has("fin"));
}

class WordListFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "depeches-words-XXXXXX").string();
        m_dir = ::mkdtemp(pattern.data());
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(m_dir / name, std::ios::binary) << text;
        return m_dir / name;
    }

    /// The message WordList::read throws for `path`, or "" when it reads it.
    static std::string error_of(const fs::path& path) {
        try {
            WordList::read(path);
        } catch (const WordListError& e) {
            return e.what();
        }
        return "";
    }

    fs::path m_dir;
};

TEST_F(WordListFile, ReadsAFileOfWords) {
    const WordList list = WordList::read(write("french", "alpe\nalpage\n"));
    EXPECT_TRUE(list.has("alpe"));
    EXPECT_TRUE(list.has("alpage"));
}

TEST_F(WordListFile, RefusesWhatIsNotAWordListWithAClearMessage) {
    struct Case {
        fs::path path;
        std::string says;
    };
    const fs::path huge = write("huge", "mot\n");
    fs::resize_file(huge, k_max_word_list_bytes + 1); // sparse: no disk used
    const Case cases[] = {
        {m_dir / "missing", "cannot read the word list"},
        {m_dir, "cannot read the word list"},
        {write("empty", ""), "has no word"},
        {write("punctuation", "---\n...\n"), "has no word"},
        {write("binary", std::string("mot\0\x01\x02", 6)), "is binary"},
        {huge, "more than a word list"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path.string());
        const std::string message = error_of(c.path);
        EXPECT_NE(message.find(c.says), std::string::npos) << message;
        EXPECT_NE(message.find(c.path.string()), std::string::npos) << message;
    }
}

} // namespace
} // namespace depeches::vocab
