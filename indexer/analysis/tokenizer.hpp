// French word segmentation with byte offsets into the original text: elisions, compounds,
// acronyms and numbers, each folded (lower case, no accents) but not stemmed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace depeches::analysis {

/// What a token stands for; it decides nothing about its term, only how it may be used.
enum class TokenKind : std::uint8_t {
    word,           ///< a plain word, possibly after its elided article (l'armée → armee)
    number,         ///< digits, thousands groups joined (8.000, 8 000 → 8000), decimals 3,5
    acronym,        ///< dotted initials joined (O.N.U. → onu)
    compound_part,  ///< one part of a hyphenated compound, at its own position
    compound_whole, ///< the parts of a compound joined (cessezlefeu), at the first part's position
};

/// One token: its folded form and the bytes of the original text it came from.
struct Token {
    std::string form;       ///< folded, unstemmed, valid UTF-8 (may contain an inner apostrophe)
    std::string lower;      ///< the same word case-folded with its accents (NFC), for stemming
    std::uint32_t begin;    ///< byte offset of the first byte in the original text
    std::uint32_t end;      ///< byte offset one past the last byte; elided articles are included
    std::uint32_t position; ///< word position, from 1; compound_whole repeats its first part's
    TokenKind kind;
    std::uint16_t part = 0; ///< compound_part: index of the part in its compound (0 = first)
};

/// Longest form kept, in bytes: longer "words" (hashes, base64, URLs) are dropped.
inline constexpr std::size_t k_max_form_bytes = 64;
/// Most parts of a compound that are joined into a compound_whole token.
inline constexpr std::size_t k_max_compound_parts = 6;

/// Splits `text` into tokens, appending to `out` (not cleared). Positions continue from
/// `first_position`; returns the position after the last token. Invalid UTF-8 bytes separate
/// words. Thread-safe, allocation only for `out`. Text longer than 4 GiB is not supported.
std::uint32_t tokenize(std::string_view text, std::vector<Token>& out,
                       std::uint32_t first_position = 1);

} // namespace depeches::analysis
