// What each code point is to the tokenizer (letter, digit, apostrophe, hyphen…) and what it folds
// to (lower case, no accents, ligatures expanded), derived once from ICU.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace depeches::analysis {

/// The role of a code point in French word segmentation.
enum class CharClass : std::uint8_t {
    separator,  ///< ends a word: punctuation, symbols, controls, dashes other than the hyphen
    space,      ///< white space; U+0020, U+00A0, U+202F and U+2009 also group digits (8 000)
    letter,     ///< Unicode letters (L*)
    digit,      ///< decimal digits (Nd)
    mark,       ///< combining marks (M*): they belong to the letter they follow
    ignorable,  ///< invisible inside words (soft hyphen, zero-width joiners): skipped
    apostrophe, ///< ' U+2019 U+02BC: elision (l'armée) or inner apostrophe (aujourd'hui)
    hyphen,     ///< - U+2010 U+2011: compounds (cessez-le-feu); en and em dashes are separators
    dot,        ///< . : acronyms (O.N.U.) and digit groups (8.000)
    comma,      ///< , : decimal numbers (3,5)
};

/// Classification and folding of one code point.
struct CharInfo {
    CharClass cls;
    bool groups_digits;    ///< a space that may separate thousands (U+0020, U+00A0, U+202F, U+2009)
    std::string_view fold; ///< folded UTF-8 (lower case, accents removed, œ→oe); may be empty;
                           ///< valid until the next char_info call on the same thread
    std::string_view lower; ///< NFKC case-folded UTF-8, accents kept ("É" → "é"); same validity
};

/// Canonical composition (NFC) of `text`: "e" + U+0301 becomes "é". For the rare words whose
/// lower-case form was built from decomposed input.
std::string compose(std::string_view text);

/// True when `text` starts with an upper-case or title-case letter ("Élysée", "Alep").
bool starts_with_capital(std::string_view text);

/// `word` with its first letter in upper case ("élysée" → "Élysée"); unchanged when it has
/// no upper case or `word` is not valid UTF-8 at its start.
std::string capitalised(std::string_view word);

/// Classifies and folds `code_point`. Thread-safe; the table for code points below U+3000 is
/// built from ICU on first use (NFKC case folding, then canonical decomposition without marks),
/// other code points are folded through ICU on each call and cached per thread.
CharInfo char_info(char32_t code_point);

} // namespace depeches::analysis
