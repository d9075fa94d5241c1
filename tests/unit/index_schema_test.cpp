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

TEST(Schema, PacksADispatchsWordsWithTheirFrequencies) {
    Xapian::Document doc;
    doc.add_term("deced", 2);
    doc.add_term("homm", 1);
    doc.add_term("2016", 300);              // a wdf that takes two bytes
    doc.add_term(std::string(200, 'x'), 1); // a term whose length takes two bytes
    doc.add_term("Edecede", 2);             // prefixed terms are not words
    doc.add_boolean_term("Qid");
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    const std::string value = pack_words(doc);
    unpack_words(value, [&words](const PackedWord& w) { words.emplace_back(w.term, w.wdf); });
    EXPECT_EQ(words, (std::vector<std::pair<std::string, Xapian::termcount>>{
                         {"2016", 300}, {"deced", 2}, {"homm", 1}, {std::string(200, 'x'), 1}}));
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
