// Tests for decode_text: UTF-8 pass-through, Windows-1252 conversion, repair, binary refusal.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/encoding.hpp"

namespace depeches::ingest {
namespace {

using namespace std::string_literals;

TEST(Encoding, PassesValidUtf8WithNormalisedLineEnds) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"", ""},
        {"Alep", "Alep"},
        {"L’armée a repris l'aéroport.", "L’armée a repris l'aéroport."},
        {"\xEF\xBB\xBFLes rebelles", "Les rebelles"},     // UTF-8 BOM dropped
        {"ligne 1\r\nligne 2\r\n", "ligne 1\nligne 2\n"}, // CRLF
        {"ligne 1\rligne 2", "ligne 1\nligne 2"},         // old Mac CR
        {"a\r\n\r\nb\n\rc", "a\n\nb\n\nc"},
        {"8\u00A0000 morts", "8\u00A0000 morts"},
        {"tab\tkept", "tab\tkept"},
        {"Ã©", "Ã©"}, // valid UTF-8, even if it looks like mojibake
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.text, c.expected);
        EXPECT_EQ(decoded.note, "");
    }
}

TEST(Encoding, ConvertsWindows1252ToUtf8) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"caf\xE9", "café"},
        {"\xC0 l'issue des n\xE9gociations", "À l'issue des négociations"},
        {"l\x92"
         "arm\xE9"
         "e",
         "l’armée"}, // 0x92 is a curly apostrophe in Windows-1252
        {"\xAB prot\xE9ger \xBB", "« protéger »"},
        {"10 \x80 et \x9Cuvre", "10 € et œuvre"},
        {"ligne \xE9\r\nsuite", "ligne é\nsuite"},
        {"\xC9tats-Unis d\xE9j\xE0 \xE0 Gen\xE8ve", "États-Unis déjà à Genève"},
        {"\xC9t\xE9", "Été"},
        // Mostly Latin-1 with a valid UTF-8 word: that word is kept, not turned into mojibake.
        {"d\xE9j\xE0 \xE9t\xE9 et déjà", "déjà été et déjà"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.expected);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.text, c.expected);
        EXPECT_NE(decoded.note.find("Windows-1252"), std::string::npos) << decoded.note;
        EXPECT_TRUE(analysis::is_valid_utf8(decoded.text));
    }
}

TEST(Encoding, ReplacesFewInvalidBytesInUtf8) {
    struct Case {
        std::string input;
        std::string expected;
        std::string note;
    };
    const std::vector<Case> cases{
        {"L'armée syrienne contrôle \xFF désormais Alep-Est.",
         "L'armée syrienne contrôle \uFFFD désormais Alep-Est.",
         "replaced 1 invalid UTF-8 byte with U+FFFD"},
        {"Genève, Hassaké, Qamichli, Sergueï: \xC3", // truncated sequence at the end
         "Genève, Hassaké, Qamichli, Sergueï: \uFFFD", "replaced 1 invalid UTF-8 byte with U+FFFD"},
        {"éèêëàâîïôûç \xE9\xE9", "éèêëàâîïôûç \uFFFD\uFFFD",
         "replaced 2 invalid UTF-8 bytes with U+FFFD"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.expected);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.text, c.expected);
        EXPECT_EQ(decoded.note, c.note);
    }
}

/// Deterministic noise, as a compressed or image file would hold.
std::string noise(std::size_t size, bool with_nul) {
    std::string bytes;
    std::uint32_t state = 12345;
    while (bytes.size() < size) {
        state = state * 1103515245U + 12345U;
        const auto byte = static_cast<char>((state >> 16U) & 0xFFU);
        bytes.push_back(byte == '\0' && !with_nul ? '\x01' : byte);
    }
    return bytes;
}

TEST(Encoding, RefusesBinaryContent) {
    struct Case {
        std::string name;
        std::string input;
        std::string note;
    };
    const std::vector<Case> cases{
        {"NUL in text", "Alep\0Est"s, "binary content (NUL bytes)"},
        {"PNG header", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, "binary content (NUL bytes)"},
        {"noise", noise(4096, true), "binary content (NUL bytes)"},
        {"noise without NUL", noise(4096, false), "binary content (mostly bytes above 0x7F)"},
        {"controls", "a\x01\x02\x03\x04\x05\x06 text"s, "binary content (control characters)"},
        {"UTF-16 without BOM", "A\0l\0e\0p\0"s, "binary content (NUL bytes)"},
        {"UTF-32LE", "\xFF\xFE\0\0A\0\0\0"s, "binary content (NUL bytes)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_FALSE(decoded.ok);
        EXPECT_EQ(decoded.text, "");
        EXPECT_EQ(decoded.note, c.note);
    }
}

TEST(Encoding, RefusesUtf8ThatIsMostlyInvalid) {
    std::string input;
    for (int i = 0; i < 20; ++i) {
        input += "é\xFF\xFE";
    }
    const DecodedText decoded = decode_text(input);
    EXPECT_FALSE(decoded.ok);
    EXPECT_NE(decoded.note.find("binary content"), std::string::npos) << decoded.note;
}

TEST(Encoding, DecodesUtf16WithBom) {
    struct Case {
        std::string name;
        std::string input;
        std::string expected;
        std::string note;
    };
    const std::vector<Case> cases{
        {"LE",
         "\xFF\xFE"
         "A\0l\0\xE9\0p\0\r\0\n\0x\0"s,
         "Alép\nx", "decoded from UTF-16LE"},
        {"BE",
         "\xFE\xFF"
         "\0A\0l\0\xE9\0p"s,
         "Alép", "decoded from UTF-16BE"},
        {"surrogate pair",
         "\xFF\xFE"
         "=\xD8\x00\xDE"s,
         "\U0001F600", "decoded from UTF-16LE"},
        {"lone surrogate",
         "\xFF\xFE"
         "\x00\xDC"
         "a\0"s,
         "\uFFFDa", "decoded from UTF-16LE, 1 invalid code units replaced with U+FFFD"},
        {"odd length",
         "\xFF\xFE"
         "a\0b"s,
         "a\uFFFD", "decoded from UTF-16LE, 1 invalid code units replaced with U+FFFD"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.text, c.expected);
        EXPECT_EQ(decoded.note, c.note);
    }
}

TEST(Encoding, RemovesStrayControlCharacters) {
    struct Case {
        std::string input;
        std::string expected;
        std::string note;
    };
    const std::string long_text(300, 'a');
    const std::vector<Case> cases{
        {long_text + "\x01" + "b", long_text + "b", "removed 1 control character"},
        {long_text + "\x1B" + "b\x7F", long_text + "b", "removed 2 control characters"},
        {long_text + "\u0085" + "b", long_text + "b", "removed 1 control character"}, // C1
        {"page 1\fpage 2\vfin", "page 1\npage 2\nfin", ""},
        {"caf\xE9\x01" + long_text, "café" + long_text,
         "not UTF-8: decoded as Windows-1252 (Latin-1); removed 1 control character"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.note);
        const DecodedText decoded = decode_text(c.input);
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.text, c.expected);
        EXPECT_EQ(decoded.note, c.note);
    }
}

TEST(Encoding, MarksUndefinedWindows1252BytesAsReplaced) {
    const DecodedText decoded = decode_text("d\xE9j\xE0 \x81");
    EXPECT_TRUE(decoded.ok);
    EXPECT_EQ(decoded.text, "déjà \uFFFD");
    EXPECT_EQ(
        decoded.note,
        "not UTF-8: decoded as Windows-1252 (Latin-1), 1 undefined byte replaced with U+FFFD");
}

} // namespace
} // namespace depeches::ingest
