// Days a query names, and how well a dispatch's date agrees with them. A query that quotes wire
// copy says when things happened ("a annoncé lundi 18 mai", "samedi 6 janvier 2019", "a
// démissionné jeudi"), and the dispatch that tells it is dated that day or just after: such a
// dispatch ranks a little higher.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace depeches::query {

/// A day a query names: a weekday with its date, or a weekday alone.
struct NamedDay {
    int weekday = 0;    ///< 0 (lundi) to 6 (dimanche)
    int day = 0;        ///< 1 to 31; 0 for a weekday alone
    int month = 0;      ///< 1 to 12; 0 for a weekday alone
    int year = 0;       ///< 0 when not written
    bool today = false; ///< a weekday alone after "ce": "ce lundi", the dispatch's own day
    bool operator==(const NamedDay&) const = default;
};

/// Weight of a dispatch dated from the day before to three days after a named date, relative
/// to the best score of the results, and on that very day. Of the 386 OrangeSum abstracts
/// naming a date with its weekday (held out and valid), 56 % are dated that day, 22 % the day
/// after, 8 % two or three days after and 5 % the day before. Chosen on the held-out sets
/// (abstracts / headlines MRR@10): 0.3 and 0.3 gave 0.6621 / 0.7015, 0.3 and 0.4 0.6634 /
/// 0.7015, 0.4 and 0.5 0.6646 / 0.7015, 0.5 and 0.6 0.6647 / 0.7010, 0.6 and 0.7 0.6648 /
/// 0.7010; weights falling with the days after did worse (0.2, 0.5, 0.3, 0.15, 0.05 from the
/// day before: 0.6611).
inline constexpr double k_named_date_weight = 0.4;
inline constexpr double k_named_date_day_weight = 0.5;

/// Weight of a dispatch dated k days after a weekday named alone (0 that weekday, 1 the day
/// after, 6 the day before), relative to the best score. A summary tells what happened that
/// day or the day before ("a annoncé mardi"); a headline often what is to come ("sera reçu
/// mardi"). Of the 440 other OrangeSum headlines and abstracts that name a weekday alone
/// (`scripts/train_sets.py`), 55 % are dated that weekday, 24 % the day after, 8 % the day
/// before and 4 % two days before; the weights were chosen on them.
inline constexpr std::array<double, 7> k_named_weekday_weights{0.2, 0.1, 0, 0, 0, 0.05, 0.1};
/// Weight of a dispatch dated on a weekday named after "ce" ("ce lundi", the day the summary
/// is written: 45 of those 48 are dated that very day).
inline constexpr double k_named_today_weight = 0.3;

/// The days a run of words names, given their folded forms in order: a weekday, a day number
/// ("18", "1er"), a month and maybe a year ("lundi 18 mai", "samedi 1er juin 2019"); or a
/// weekday not followed by a number ("jeudi", "ce jeudi"). A date without its weekday ("14
/// juillet", "le 8 mai") is not one: it names a feast or an event to come as often as the day a
/// dispatch tells.
std::vector<NamedDay> find_named_days(const std::vector<std::string_view>& words);

/// What a dispatch dated `date_value` ("YYYYMMDD", empty when unknown) gains from `days`:
/// k_named_date_day_weight for each named date it is dated on, k_named_date_weight for each
/// it is dated from the day before to three days after (a date without a year, in the dispatch's
/// year or the one before or after, where that date falls on the named weekday),
/// k_named_today_weight for each weekday named after "ce" that it is dated on, and
/// k_named_weekday_weights[k] for each other weekday named alone that it is dated k days after.
double day_agreement(const std::vector<NamedDay>& days, std::string_view date_value);

} // namespace depeches::query
