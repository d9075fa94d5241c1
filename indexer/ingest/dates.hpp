// Publication dates: parsing the forms producers write, and spotting one written in a dispatch.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace depeches::ingest {

/// Parses a date as a producer wrote it and returns "YYYY-MM-DD", or nullopt. Accepts
/// `YYYY-MM-DD`, ISO 8601 date-times (`2016-12-08T18:30:00Z`, `2016-12-08 18:30`, seconds,
/// fractions, `Z` or `±HH[:MM]` offsets), `YYYYMMDD` and `D/M/YYYY` (one or two digits), with
/// surrounding spaces. The calendar is checked (leap years) and the year must lie in 1800..2199.
/// The date part is returned as written: an offset is validated but not applied.
std::optional<std::string> normalize_date(std::string_view text);

/// Looks at the head of a dispatch (first 600 bytes, first 8 lines) for a date written the way
/// French wire copy and news pages write it, and returns "YYYY-MM-DD", or "" when none is
/// written. In order of preference: after `Publié le`, after `Mis à jour le` (or `Mise à jour`,
/// `Modifié le`), in a dateline (`Beyrouth, 8 déc 2016 (AFP) -`), or a line that holds only a
/// date (`Jeudi 8 décembre 2016 à 18h30`, `08/12/2016`, `2016-12-08`). Dates inside running
/// sentences are ignored on purpose: "depuis le 15 novembre 2016" is not a publication date, and
/// a cue counts only at the start of a line or on a line of at most 150 bytes.
std::string find_date_in_text(std::string_view text);

/// True when `line` holds only a date, optionally with a weekday, `le` and a time
/// (`Le jeudi 8 décembre 2016 à 18h30`); such a line is metadata, not dispatch text.
bool is_date_line(std::string_view line);

/// Finds `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY_MM_DD` or `YYYYMMDD` in a file path and returns it as
/// "YYYY-MM-DD" when it is a real date, else "". A compact date must not touch letters or digits
/// (a hash such as `a20161208f` is not a date); a separated one must not touch digits.
std::string find_date_in_path(std::string_view path);

/// The month a folded French month name or news abbreviation names ("decembre", "dec", "aout"),
/// 1 to 12, or 0 for any other word.
int month_number(std::string_view folded);

/// The weekday a folded French weekday name names, 0 (lundi) to 6 (dimanche), or -1.
int weekday_number(std::string_view folded);

} // namespace depeches::ingest
