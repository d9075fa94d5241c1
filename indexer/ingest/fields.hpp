// Field helpers every reader shares: spacing, titles cut from bodies, id checks (and dates, via
// dates.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "indexer/ingest/dates.hpp" // normalize_date, find_date_in_text, is_date_line

namespace depeches::ingest {

/// Largest input a reader takes in one piece: a whole .txt file, or one JSON Lines line.
inline constexpr std::size_t k_max_input_bytes = std::size_t{16} * 1024 * 1024;

/// Default limit of title_from_body, in code points.
inline constexpr std::size_t k_title_max_chars = 110;

/// Trims white space and no-break/thin spaces at both ends and turns each inner run of ASCII
/// white space (space, TAB, CR, LF, VT, FF) into one space; other C0 control characters and DEL
/// count as white space too. No-break spaces (U+00A0, U+202F) inside the text are kept as they
/// are: they hold numbers (`8 000`) and French punctuation together. One pass, no allocation
/// beyond the result: it runs over every body of a large import.
std::string normalize_space(std::string_view text);

/// A title cut from a body: the first sentence of its first paragraph (paragraphs are separated
/// by a blank line; single line breaks count as spaces). Abbreviations (`M.`, `MM.`, `Dr.`),
/// initials and acronyms (`O.N.U.`) and numbers (`8.000`) do not end a sentence, nor does a stop
/// followed by a lower-case word. When the sentence is over `max_chars` code points it is cut at
/// the last word boundary that fits and "…" is appended, the result staying within `max_chars` code
/// points. Never cuts inside a UTF-8 sequence. Returns "" for a body without text.
std::string title_from_body(std::string_view body, std::size_t max_chars = k_title_max_chars);

/// Checks a dispatch id: non-empty, at most 200 bytes, valid UTF-8, no control characters, no
/// white space (ASCII or no-break) at either end. On failure writes a short English reason to
/// `*why` when `why` is not null.
bool is_valid_id(std::string_view id, std::string* why);

} // namespace depeches::ingest
