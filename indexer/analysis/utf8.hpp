// UTF-8 decoding, encoding, validation and repair: the byte-level ground every other stage stands
// on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace depeches::analysis {

/// Replacement character used for bytes that are not valid UTF-8.
inline constexpr char32_t k_replacement_char = 0xFFFD;

/// One decoded code point and the number of bytes it took (1 to 4, never 0).
struct DecodedChar {
    char32_t code_point;  ///< k_replacement_char when the bytes were not valid UTF-8
    std::uint32_t length; ///< bytes consumed; an invalid byte consumes exactly 1
    bool valid;           ///< false when the bytes at that position were not valid UTF-8
};

/// decode_utf8 for a byte of 0x80 or above: a multi-byte sequence or invalid.
DecodedChar decode_utf8_multibyte(std::string_view text, std::size_t pos) noexcept;

/// Decodes the code point that starts at byte `pos` of `text` (pos < text.size()).
/// Rejects overlong forms, surrogates and values above U+10FFFF, as RFC 3629 requires.
/// Inline for ASCII, most of French text: every stage of the analysis decodes every byte.
inline DecodedChar decode_utf8(std::string_view text, std::size_t pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80U) {
        return {lead, 1, true};
    }
    return decode_utf8_multibyte(text, pos);
}

/// Appends the UTF-8 encoding of `code_point` to `out`; invalid code points become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

/// True when every byte of `text` belongs to a valid UTF-8 sequence.
bool is_valid_utf8(std::string_view text) noexcept;

/// Counts the bytes of `text` that are not part of a valid UTF-8 sequence.
std::size_t count_invalid_utf8(std::string_view text) noexcept;

/// Returns `text` with each invalid byte replaced by U+FFFD (valid text comes back unchanged).
std::string repair_utf8(std::string_view text);

/// Number of code points in `text` (an invalid byte counts as one).
std::size_t count_code_points(std::string_view text) noexcept;

/// Largest prefix of `text` of at most `max_bytes` bytes that ends on a code point boundary.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) noexcept;

} // namespace depeches::analysis
