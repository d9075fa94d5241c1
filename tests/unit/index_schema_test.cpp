// Unit: the schema's term builders.
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
