// Unit: the schema's term builders.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/index/schema.hpp"

namespace depeches::index {
namespace {

TEST(Schema, TruncatedTermsKeepTheFirstCharactersOfWords) {
    EXPECT_EQ(truncated_term("manifestation"), "Tmanif");
    EXPECT_EQ(truncated_term("manifestants"), "Tmanif");
    EXPECT_EQ(truncated_term("syrie"), "Tsyrie");
    EXPECT_EQ(truncated_term("onu"), "Tonu"); // shorter words whole
    // Characters, not bytes: folded forms outside Latin script keep their multi-byte letters.
    EXPECT_EQ(truncated_term("москва"), "Tмоскв");
    EXPECT_EQ(truncated_term("αθηνα"), "Tαθηνα");
}

TEST(Schema, NumbersAndStopWordsHaveNoTruncatedTerm) {
    EXPECT_EQ(truncated_term("2016"), "");
    EXPECT_EQ(truncated_term("3,5"), "");
    EXPECT_EQ(truncated_term("les"), "");
    EXPECT_EQ(truncated_term("celles"), "");
    EXPECT_EQ(truncated_term(""), "");
}

TEST(Schema, PacksADispatchsWordsWithTheirFrequenciesAndFirstPositions) {
    Xapian::Document doc;
    // The body begins at 110: "deced" first comes 2 positions in, "homm" in the title before.
    doc.add_posting("deced", 115);
    doc.add_posting("deced", 112);
    doc.add_posting("homm", 3);
    doc.add_posting("homm", 130);
    doc.add_posting("2016", 110, 300);           // a wdf that takes two bytes
    doc.add_posting(std::string(200, 'x'), 410); // a length and a position of two bytes
    doc.add_term("Edecede", 2);                  // prefixed terms are not words
    doc.add_boolean_term("Qid");
    struct Word {
        std::string term;
        Xapian::termcount wdf;
        std::uint32_t first;
        bool operator==(const Word&) const = default;
    };
    std::vector<Word> words;
    const std::string value = pack_words(doc, 110);
    unpack_words(value, [&words](const PackedWord& w) {
        words.push_back({std::string(w.term), w.wdf, w.first});
    });
    EXPECT_EQ(
        words,
        (std::vector<Word>{
            {"2016", 300, 0}, {"deced", 2, 2}, {"homm", 2, 0}, {std::string(200, 'x'), 1, 300}}));
    // A value cut short, or with a length past its end, gives the words before the fault.
    for (const std::size_t cut : {value.size() - 1, std::size_t{9}}) {
        SCOPED_TRACE(cut);
        std::size_t seen = 0;
        unpack_words(std::string_view(value).substr(0, cut),
                     [&seen](const PackedWord&) { ++seen; });
        EXPECT_LT(seen, words.size());
    }
    std::size_t seen = 0;
    unpack_words("\xff\xff\xff\xff\xff\xff", [&seen](const PackedWord&) { ++seen; });
    unpack_words("\x05"
                 "ab",
                 [&seen](const PackedWord&) { ++seen; }); // 5 bytes long, 2 there
    EXPECT_EQ(seen, 0U);
}

TEST(Schema, DateValuesReadAsNumbersInTheirOrder) {
    EXPECT_EQ(date_number("20161208"), 20161208U);
    EXPECT_LT(*date_number("20161208"), *date_number("20170101"));
    EXPECT_EQ(date_number(""), std::nullopt);     // undated
    EXPECT_EQ(date_number("2016"), std::nullopt); // not a date value
    EXPECT_EQ(date_number("2016120x"), std::nullopt);
    EXPECT_EQ(date_number(date_value("2016-12-08")), 20161208U);
}

} // namespace
} // namespace depeches::index
