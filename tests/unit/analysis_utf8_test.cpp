// Tests of UTF-8 decoding, validation, repair and truncation.
#include <gtest/gtest.h>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {
namespace {

TEST(Utf8, DecodesValidSequencesAndRejectsInvalidOnes) {
    struct Case {
        std::string bytes;
        char32_t code_point;
        std::uint32_t length;
        bool valid;
    };
    const std::vector<Case> cases{
        {"a", U'a', 1, true},
        {"\xC3\xA9", U'é', 2, true},
        {"\xE2\x80\x99", U'\u2019', 3, true},
        {"\xF0\x9F\x98\x80", U'\U0001F600', 4, true},
        {"\xC3", k_replacement_char, 1, false},             // truncated
        {"\xC0\xAF", k_replacement_char, 1, false},         // overlong '/'
        {"\xED\xA0\x80", k_replacement_char, 1, false},     // surrogate
        {"\xF4\x90\x80\x80", k_replacement_char, 1, false}, // above U+10FFFF
        {"\x80", k_replacement_char, 1, false},             // lone continuation
        {"\xFF", k_replacement_char, 1, false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(::testing::PrintToString(c.bytes));
        const DecodedChar d = decode_utf8(c.bytes, 0);
        EXPECT_EQ(d.code_point, c.code_point);
        EXPECT_EQ(d.length, c.length);
        EXPECT_EQ(d.valid, c.valid);
    }
}

TEST(Utf8, RepairReplacesEachInvalidByteAndKeepsValidText) {
    EXPECT_EQ(repair_utf8("l’armée"), "l’armée");
    EXPECT_EQ(repair_utf8("a\xFF"
                          "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(count_invalid_utf8("a\xFF\xFE"
                                 "b\xC3"),
              3U);
    EXPECT_TRUE(is_valid_utf8("Genève"));
    EXPECT_FALSE(is_valid_utf8("Gen\xE8ve")); // Latin-1
}

TEST(Utf8, TruncatesOnCodePointBoundaries) {
    const std::string text = "été";
    EXPECT_EQ(truncate_utf8(text, 1), "");
    EXPECT_EQ(truncate_utf8(text, 2), "é");
    EXPECT_EQ(truncate_utf8(text, 3), "ét");
    EXPECT_EQ(truncate_utf8(text, 99), "été");
    EXPECT_EQ(count_code_points(text), 3U);
}

TEST(Utf8, EncodesAndReplacesInvalidCodePoints) {
    std::string out;
    append_utf8(out, U'œ');
    append_utf8(out, 0xD800);
    append_utf8(out, 0x110000);
    EXPECT_EQ(out, "œ\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(CharTable, CapitalisesTheFirstLetterWhateverItsAccent) {
    EXPECT_EQ(capitalised("\u00e9lys\u00e9e"), "\u00c9lys\u00e9e");
    EXPECT_EQ(capitalised("alep"), "Alep");
    EXPECT_EQ(capitalised("\u0153uvre"), "\u0152uvre");
    EXPECT_EQ(capitalised("2e"), "2e");
    EXPECT_EQ(capitalised(""), "");
    EXPECT_EQ(capitalised("\xff"), "\xff"); // invalid: as is
    EXPECT_TRUE(starts_with_capital("\u00c9tat"));
    EXPECT_TRUE(starts_with_capital("Alep"));
    EXPECT_FALSE(starts_with_capital("\u00e9tat"));
    EXPECT_FALSE(starts_with_capital("2e"));
    EXPECT_FALSE(starts_with_capital(""));
}

} // namespace
} // namespace depeches::analysis
