// Days a query names, and how well a dispatch's date agrees with them. A query that quotes wire
// copy says when things happened ("a annoncé lundi 18 mai", "samedi 6 janvier 2019", "a
// démissionné jeudi"), and the dispatch that tells it is dated that day or just after: such a
// dispatch ranks a little higher.
#pragma once

#include <string_view>
#include <vector>

namespace depeches::query {

/// A day a query names: a weekday with its date, or a weekday alone.
struct NamedDay {
    int weekday = 0; ///< 0 (lundi) to 6 (dimanche)
    int day = 0;     ///< 1 to 31; 0 for a weekday alone
    int month = 0;   ///< 1 to 12; 0 for a weekday alone
    int year = 0;    ///< 0 when not written
    bool operator==(const NamedDay&) const = default;
};

/// Weight of a dispatch dated from the day before to three days after a named date, relative
/// to the best score of the results.
inline constexpr double k_named_date_weight = 0.3;
/// Weight of a dispatch dated on a weekday named alone, relative to the best score.
inline constexpr double k_named_weekday_weight = 0.1;

/// The days a run of words names, given their folded forms in order: a weekday, a day number
/// ("18", "1er"), a month and maybe a year ("lundi 18 mai", "samedi 1er juin 2019"); or a
/// weekday not followed by a number ("jeudi"). A date without its weekday ("14 juillet", "le
/// 8 mai") is not one: it names a feast or an event to come as often as the day a dispatch
/// tells.
std::vector<NamedDay> find_named_days(const std::vector<std::string_view>& words);

/// What a dispatch dated `date_value` ("YYYYMMDD", empty when unknown) gains from `days`:
/// k_named_date_weight for each named date it is dated from the day before to three days
/// after (a date without a year, in the dispatch's year or the one before or after, where
/// that date falls on the named weekday), and
/// k_named_weekday_weight for each weekday named alone that it is dated on.
double day_agreement(const std::vector<NamedDay>& days, std::string_view date_value);

} // namespace depeches::query
