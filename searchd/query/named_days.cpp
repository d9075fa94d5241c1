// Named days: spotted among a query's folded words; compared with dates as day numbers.
#include "searchd/query/named_days.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "indexer/ingest/dates.hpp"

namespace depeches::query {

namespace {

/// Days from the named date to the dispatch's date that agree with it.
constexpr int k_days_before = 1;
constexpr int k_days_after = 3;

/// 1 to 31 for "1" to "31" and "1er", else 0.
int day_number(std::string_view word) {
    if (word == "1er") {
        return 1;
    }
    if (word.empty() || word.size() > 2 || word.find_first_not_of("0123456789") != word.npos) {
        return 0;
    }
    const int day = word.size() == 1 ? word[0] - '0' : (word[0] - '0') * 10 + (word[1] - '0');
    return day <= 31 ? day : 0;
}

/// 1000 to 2999 for a four-digit year, else 0.
int year_number(std::string_view word) {
    if (word.size() != 4 || word.find_first_not_of("0123456789") != word.npos ||
        (word[0] != '1' && word[0] != '2')) {
        return 0;
    }
    int year = 0;
    for (const char c : word) {
        year = year * 10 + (c - '0');
    }
    return year;
}

std::optional<std::chrono::sys_days> to_days(int year, int month, int day) {
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date};
}

/// "YYYYMMDD" as a day, or nullopt.
std::optional<std::chrono::sys_days> parse_value(std::string_view value) {
    if (value.size() != 8 || value.find_first_not_of("0123456789") != value.npos) {
        return std::nullopt;
    }
    const auto number = [value](std::size_t pos, std::size_t len) {
        int n = 0;
        for (const char c : value.substr(pos, len)) {
            n = n * 10 + (c - '0');
        }
        return n;
    };
    return to_days(number(0, 4), number(4, 2), number(6, 2));
}

/// 0 (lundi) to 6 (dimanche).
int weekday_of(std::chrono::sys_days day) {
    return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

/// What `dated` gains from a date named: k_named_date_day_weight on the day,
/// k_named_date_weight from k_days_before before to k_days_after after, 0 elsewhere.
double agreement(std::chrono::sys_days dated, std::optional<std::chrono::sys_days> named) {
    if (!named) {
        return 0;
    }
    const auto offset = (dated - *named).count();
    if (offset == 0) {
        return k_named_date_day_weight;
    }
    return offset >= -k_days_before && offset <= k_days_after ? k_named_date_weight : 0;
}

} // namespace

std::vector<NamedDay> find_named_days(const std::vector<std::string_view>& words) {
    std::vector<NamedDay> days;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const int weekday = ingest::weekday_number(words[i]);
        if (weekday < 0) {
            continue;
        }
        NamedDay named{weekday};
        const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view{};
        if (!next.empty() && next.front() >= '0' && next.front() <= '9') {
            named.day = day_number(next);
            named.month = i + 2 < words.size() ? ingest::month_number(words[i + 2]) : 0;
            if (named.day == 0 || named.month == 0) {
                continue; // "lundi 18", "lundi 2020": a number, not a date spelt out
            }
            named.year = i + 3 < words.size() ? year_number(words[i + 3]) : 0;
        }
        if (named.day == 0) {
            named.today = i > 0 && words[i - 1] == "ce";
            // One weekday alone once: "ce jeudi … jeudi" is today's.
            const auto same = std::find_if(days.begin(), days.end(), [&](const NamedDay& d) {
                return d.day == 0 && d.weekday == named.weekday;
            });
            if (same != days.end()) {
                same->today = same->today || named.today;
                continue;
            }
        }
        if (std::find(days.begin(), days.end(), named) == days.end()) {
            days.push_back(named);
        }
    }
    return days;
}

double day_agreement(const std::vector<NamedDay>& days, std::string_view date_value) {
    const auto dated = parse_value(date_value);
    if (!dated || days.empty()) {
        return 0;
    }
    const int year = static_cast<int>(std::chrono::year_month_day{*dated}.year());
    const int weekday = weekday_of(*dated);
    double gain = 0;
    for (const NamedDay& named : days) {
        if (named.day == 0) {
            const auto days_after = static_cast<std::size_t>((weekday - named.weekday + 7) % 7);
            gain += named.today ? (days_after == 0 ? k_named_today_weight : 0)
                                : k_named_weekday_weights[days_after];
            continue;
        }
        // Without a year, the weekday tells which years the date can be in ("lundi 18 mai":
        // 2020, not 2019, when it was a Saturday).
        double best = 0;
        const int first = named.year != 0 ? named.year : year - 1;
        const int last = named.year != 0 ? named.year : year + 1;
        for (int y = first; y <= last; ++y) {
            const auto date = to_days(y, named.month, named.day);
            if (named.year != 0 || (date && weekday_of(*date) == named.weekday)) {
                best = std::max(best, agreement(*dated, date));
            }
        }
        gain += best;
    }
    return gain;
}

} // namespace depeches::query
