// Encoding detection and repair for text dispatches: UTF-8, UTF-16 with BOM, Windows-1252.
#include "indexer/ingest/encoding.hpp"

#include <array>
#include <cstdint>

#include "indexer/analysis/utf8.hpp"

namespace depeches::ingest {

namespace {

using analysis::append_utf8;
using analysis::decode_utf8;
using analysis::k_replacement_char;

/// Windows-1252 bytes 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/// What one pass over the bytes found.
struct ByteCounts {
    std::size_t nul = 0;             ///< NUL bytes
    std::size_t high = 0;            ///< bytes >= 0x80
    std::size_t invalid = 0;         ///< bytes not part of a valid UTF-8 sequence
    std::size_t valid_multibyte = 0; ///< valid UTF-8 sequences of 2 to 4 bytes
};

ByteCounts count_bytes(std::string_view bytes) {
    ByteCounts counts;
    for (std::size_t pos = 0; pos < bytes.size();) {
        const auto byte = static_cast<unsigned char>(bytes[pos]);
        if (byte < 0x80U) {
            counts.nul += byte == 0 ? 1 : 0;
            ++pos;
            continue;
        }
        const analysis::DecodedChar decoded = decode_utf8(bytes, pos);
        counts.high += decoded.length;
        if (decoded.valid) {
            ++counts.valid_multibyte;
        } else {
            ++counts.invalid;
        }
        pos += decoded.length;
    }
    return counts;
}

DecodedText refuse(std::string note) {
    return {"", false, std::move(note)};
}

/// Valid UTF-8 sequences are kept; every other byte is read as Windows-1252.
std::string decode_cp1252(std::string_view bytes, std::size_t& undefined) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t pos = 0; pos < bytes.size();) {
        const auto byte = static_cast<unsigned char>(bytes[pos]);
        const analysis::DecodedChar decoded = decode_utf8(bytes, pos);
        if (decoded.valid) {
            out.append(bytes.substr(pos, decoded.length));
            pos += decoded.length;
            continue;
        }
        char32_t cp = byte;
        if (byte >= 0x80U && byte <= 0x9FU) {
            cp = k_cp1252_high[byte - 0x80U];
            if (cp == 0) {
                cp = k_replacement_char;
                ++undefined;
            }
        }
        append_utf8(out, cp);
        ++pos;
    }
    return out;
}

/// Decodes UTF-16 after its BOM; unpaired surrogates and an odd last byte become U+FFFD.
std::string decode_utf16(std::string_view bytes, bool little_endian, std::size_t& bad) {
    std::string out;
    out.reserve(bytes.size());
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? static_cast<char32_t>(a | (b << 8U))
                             : static_cast<char32_t>((a << 8U) | b);
    };
    std::size_t pos = 0;
    for (; pos + 1 < bytes.size(); pos += 2) {
        const char32_t first = unit(pos);
        if (first >= 0xD800 && first <= 0xDBFF && pos + 3 < bytes.size()) {
            const char32_t second = unit(pos + 2);
            if (second >= 0xDC00 && second <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((first - 0xD800) << 10U) + (second - 0xDC00));
                pos += 2;
                continue;
            }
        }
        const bool surrogate = first >= 0xD800 && first <= 0xDFFF;
        bad += surrogate ? 1 : 0;
        append_utf8(out, surrogate ? k_replacement_char : first);
    }
    if (pos < bytes.size()) {
        ++bad;
        append_utf8(out, k_replacement_char);
    }
    return out;
}

/// True for control characters that carry no text: C0 except TAB, LF, CR, FF, VT; and DEL.
constexpr bool is_stray_control(unsigned char byte) {
    return (byte < 0x20U && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
            byte != '\v') ||
           byte == 0x7FU;
}

/// Rewrites line ends to LF and drops stray controls (also C1 controls U+0080..U+009F).
/// `text` must be valid UTF-8. Returns the number of controls dropped.
std::size_t clean_lines_and_controls(std::string& text) {
    std::size_t dropped = 0;
    std::size_t out = 0;
    for (std::size_t in = 0; in < text.size(); ++in) {
        const auto byte = static_cast<unsigned char>(text[in]);
        if (byte == '\r') {
            text[out++] = '\n';
            in += (in + 1 < text.size() && text[in + 1] == '\n') ? 1 : 0;
        } else if (byte == '\f' || byte == '\v') {
            text[out++] = '\n';
        } else if (is_stray_control(byte)) {
            ++dropped;
        } else if (byte == 0xC2U && in + 1 < text.size() &&
                   static_cast<unsigned char>(text[in + 1]) <= 0x9FU) {
            ++dropped; // a C1 control, U+0080..U+009F
            ++in;
        } else {
            text[out++] = text[in];
        }
    }
    text.resize(out);
    return dropped;
}

/// Second half of decode_text: `text` is valid UTF-8, `note` says how it was obtained.
DecodedText finish(std::string text, std::string note, std::size_t size) {
    const std::size_t controls = clean_lines_and_controls(text);
    if (controls > 2 && controls * 100 > size) {
        return refuse("binary content (control characters)");
    }
    if (controls > 0) {
        note += note.empty() ? "" : "; ";
        note += "removed " + std::to_string(controls) + " control character" +
                (controls == 1 ? "" : "s");
    }
    return {std::move(text), true, std::move(note)};
}

std::string plural_bytes(std::size_t count, std::string_view what) {
    return std::to_string(count) + " " + std::string(what) + (count == 1 ? " byte" : " bytes");
}

DecodedText decode_8bit(std::string_view bytes) {
    const ByteCounts counts = count_bytes(bytes);
    if (counts.nul > 0) {
        return refuse("binary content (NUL bytes)");
    }
    if (counts.invalid == 0) {
        return finish(std::string(bytes), "", bytes.size());
    }
    if (counts.invalid > counts.valid_multibyte) {
        // Latin-1 French has a few accented letters per line; noise has one byte in two above
        // 0x7F. Too few bytes say nothing, and a short text may be all accents ("Été").
        constexpr std::size_t k_min_bytes_for_share = 64;
        if (bytes.size() >= k_min_bytes_for_share && counts.high * 10 > bytes.size() * 3) {
            return refuse("binary content (mostly bytes above 0x7F)");
        }
        std::size_t undefined = 0;
        std::string text = decode_cp1252(bytes, undefined);
        std::string note = "not UTF-8: decoded as Windows-1252 (Latin-1)";
        if (undefined > 0) {
            note += ", " + plural_bytes(undefined, "undefined") + " replaced with U+FFFD";
        }
        return finish(std::move(text), std::move(note), bytes.size());
    }
    if (counts.invalid * 10 > bytes.size()) {
        return refuse("binary content (over 10% invalid UTF-8)");
    }
    return finish(analysis::repair_utf8(bytes),
                  "replaced " + plural_bytes(counts.invalid, "invalid UTF-8") + " with U+FFFD",
                  bytes.size());
}

} // namespace

DecodedText decode_text(std::string_view bytes) {
    const bool utf16le = bytes.starts_with("\xFF\xFE");
    if (utf16le || bytes.starts_with("\xFE\xFF")) {
        std::size_t bad = 0;
        std::string text = decode_utf16(bytes.substr(2), utf16le, bad);
        if (text.find('\0') != std::string::npos) {
            return refuse("binary content (NUL bytes)");
        }
        std::string note = utf16le ? "decoded from UTF-16LE" : "decoded from UTF-16BE";
        if (bad > 0) {
            note += ", " + std::to_string(bad) + " invalid code units replaced with U+FFFD";
        }
        return finish(std::move(text), std::move(note), bytes.size());
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
    }
    return decode_8bit(bytes);
}

} // namespace depeches::ingest
