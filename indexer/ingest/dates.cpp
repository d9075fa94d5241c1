// Date parsing for every reader, and the spotting of a publication date written in a dispatch.
#include "indexer/ingest/dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "indexer/ingest/fold.hpp"

namespace depeches::ingest {

namespace {

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
constexpr bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// "YYYY-MM-DD" when the three numbers form a real date with a plausible year.
std::optional<std::string> make_date(int year, int month, int day) {
    constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) {
        return std::nullopt;
    }
    const int last = k_days[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year));
    if (day > last) {
        return std::nullopt;
    }
    std::string date = "0000-00-00";
    const auto put = [&date](std::size_t end, int value) {
        for (std::size_t i = end; value > 0; value /= 10) {
            date[--i] = static_cast<char>('0' + value % 10);
        }
    };
    put(4, year);
    put(7, month);
    put(10, day);
    return date;
}

/// Reads a run of 1..max_len digits at `pos`; returns its length (0 if none) and its value.
std::size_t read_number(std::string_view s, std::size_t pos, std::size_t max_len, int& value) {
    std::size_t len = 0;
    value = 0;
    while (pos + len < s.size() && is_digit(s[pos + len])) {
        if (++len > max_len) {
            return 0;
        }
        value = value * 10 + (s[pos + len - 1] - '0');
    }
    return len;
}

/// Reads exactly `len` digits at `pos`, whatever follows them.
bool read_fixed(std::string_view s, std::size_t pos, std::size_t len, int& value) {
    value = 0;
    if (pos + len > s.size()) {
        return false;
    }
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (!is_digit(s[i])) {
            return false;
        }
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

/// Checks the time and offset that may follow an ISO 8601 date: `THH:MM[:SS[.f]][Z|±HH[:MM]]`.
bool is_iso_time_suffix(std::string_view rest) {
    if (rest.empty()) {
        return true;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if ((rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') || !read_fixed(rest, 1, 2, hour) ||
        rest.size() < 6 || rest[3] != ':' || !read_fixed(rest, 4, 2, minute) || hour > 23 ||
        minute > 59) {
        return false;
    }
    std::size_t pos = 6;
    if (pos < rest.size() && rest[pos] == ':') {
        if (!read_fixed(rest, pos + 1, 2, second) || second > 60) {
            return false;
        }
        pos += 3;
        if (pos < rest.size() && (rest[pos] == '.' || rest[pos] == ',')) {
            const std::size_t start = ++pos;
            while (pos < rest.size() && is_digit(rest[pos])) {
                ++pos;
            }
            if (pos == start) {
                return false;
            }
        }
    }
    std::string_view zone = rest.substr(pos);
    if (zone.empty() || zone == "Z" || zone == "z") {
        return true;
    }
    int offset_hours = 0;
    int offset_minutes = 0;
    if ((zone[0] != '+' && zone[0] != '-') || !read_fixed(zone, 1, 2, offset_hours) ||
        offset_hours > 14) {
        return false;
    }
    zone.remove_prefix(3);
    if (!zone.empty() && zone[0] == ':') {
        zone.remove_prefix(1);
    }
    return zone.empty() ||
           (zone.size() == 2 && read_fixed(zone, 0, 2, offset_minutes) && offset_minutes < 60);
}

std::string_view trim_ascii(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_ascii_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

std::optional<std::string> normalize_date(std::string_view text) {
    const std::string_view t = trim_ascii(text);
    int year = 0;
    int month = 0;
    int day = 0;
    if (t.size() == 8 && read_fixed(t, 0, 4, year) && read_fixed(t, 4, 2, month) &&
        read_fixed(t, 6, 2, day)) {
        return make_date(year, month, day);
    }
    if (t.size() >= 10 && read_fixed(t, 0, 4, year) && t[4] == '-' && read_fixed(t, 5, 2, month) &&
        t[7] == '-' && read_fixed(t, 8, 2, day)) {
        return is_iso_time_suffix(t.substr(10)) ? make_date(year, month, day) : std::nullopt;
    }
    const std::size_t day_len = read_number(t, 0, 2, day);
    if (day_len == 0 || day_len >= t.size() || t[day_len] != '/') {
        return std::nullopt;
    }
    const std::size_t month_len = read_number(t, day_len + 1, 2, month);
    const std::size_t year_pos = day_len + 1 + month_len + 1;
    if (month_len == 0 || year_pos != t.size() - 4 || t[year_pos - 1] != '/' ||
        !read_fixed(t, year_pos, 4, year)) {
        return std::nullopt;
    }
    return make_date(year, month, day);
}

namespace {

/// A date found in folded text, and the offset just past it.
struct DateHit {
    std::string date; ///< "YYYY-MM-DD"
    std::size_t end;  ///< offset after the last character of the date
};

/// French month names and the abbreviations news pages use, folded (no accents, lower case).
struct MonthName {
    std::string_view name;
    int month;
};
constexpr std::array<MonthName, 24> k_months = {{
    {"janvier", 1},  {"janv", 1}, {"jan", 1},       {"fevrier", 2},   {"fevr", 2},      {"fev", 2},
    {"mars", 3},     {"mar", 3},  {"avril", 4},     {"avr", 4},       {"mai", 5},       {"juin", 6},
    {"juillet", 7},  {"juil", 7}, {"aout", 8},      {"septembre", 9}, {"sept", 9},      {"sep", 9},
    {"octobre", 10}, {"oct", 10}, {"novembre", 11}, {"nov", 11},      {"decembre", 12}, {"dec", 12},
}};

constexpr std::array<std::string_view, 7> k_weekdays = {"lundi",    "mardi",  "mercredi", "jeudi",
                                                        "vendredi", "samedi", "dimanche"};

/// Words after which a page writes its publication date, best first.
constexpr std::array<std::string_view, 2> k_published_cues = {"publie", "date de publication"};
/// Words after which a page writes its update date.
constexpr std::array<std::string_view, 4> k_updated_cues = {"mis a jour", "mise a jour", "modifie",
                                                            "actualise"};

/// Length of the word `word` at `pos` of `s` when it is there as a whole word, else 0.
std::size_t word_at(std::string_view s, std::size_t pos, std::string_view word) {
    if (s.substr(pos).starts_with(word) &&
        (pos + word.size() == s.size() || !is_alpha(s[pos + word.size()]))) {
        return word.size();
    }
    return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
    while (pos < s.size() && s[pos] == ' ') {
        ++pos;
    }
    return pos;
}

/// `D month YYYY` after the day number that ends at `pos` (`8 dec. 2016`, `1er janvier 2017`).
std::optional<DateHit> parse_month_name_date(std::string_view s, std::size_t pos, int day) {
    if (day == 1 && s.substr(pos).starts_with("er")) {
        pos += 2;
    }
    const std::size_t name_pos = skip_spaces(s, pos);
    if (name_pos == pos) {
        return std::nullopt;
    }
    for (const MonthName& month : k_months) {
        const std::size_t len = word_at(s, name_pos, month.name);
        if (len == 0) {
            continue;
        }
        std::size_t year_pos = name_pos + len;
        year_pos += (year_pos < s.size() && s[year_pos] == '.') ? 1 : 0;
        const std::size_t digits = skip_spaces(s, year_pos);
        int year = 0;
        if (digits == year_pos || read_number(s, digits, 4, year) != 4) {
            return std::nullopt;
        }
        auto date = make_date(year, month.month, day);
        return date ? std::optional<DateHit>({std::move(*date), digits + 4}) : std::nullopt;
    }
    return std::nullopt;
}

/// Parses a date that starts at `pos` of folded text: `2016-12-08`, `2016/12/08`, `08/12/2016`,
/// `8.12.2016`, `8 decembre 2016`, `1er dec. 2016`. The date must not touch other digits/letters.
std::optional<DateHit> parse_date_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size() || !is_digit(s[pos]) || (pos > 0 && is_alnum(s[pos - 1]))) {
        return std::nullopt;
    }
    int first = 0;
    const std::size_t first_len = read_number(s, pos, 4, first);
    std::size_t next = pos + first_len;
    const char sep = next < s.size() ? s[next] : '\0';
    const auto finish = [&](std::optional<std::string> date, std::size_t end) {
        const bool bounded = end >= s.size() || !is_alnum(s[end]);
        return date && bounded ? std::optional<DateHit>({std::move(*date), end}) : std::nullopt;
    };
    if (sep == '-' || sep == '/' || sep == '.') {
        int second = 0;
        int third = 0;
        const std::size_t second_len = read_number(s, next + 1, 2, second);
        next += 1 + second_len;
        if (second_len == 0 || next >= s.size() || s[next] != sep) {
            return std::nullopt;
        }
        if (first_len == 4) {
            const std::size_t third_len = read_number(s, next + 1, 2, third);
            return third_len == 0 ? std::nullopt
                                  : finish(make_date(first, second, third), next + 1 + third_len);
        }
        if (first_len <= 2 && read_number(s, next + 1, 4, third) == 4) {
            return finish(make_date(third, second, first), next + 5);
        }
        return std::nullopt;
    }
    return first_len <= 2 ? parse_month_name_date(s, next, first) : std::nullopt;
}

/// First date that starts within `window` bytes after `pos`.
std::optional<DateHit> find_date_after(std::string_view s, std::size_t pos, std::size_t window) {
    for (std::size_t p = pos; p < s.size() && p < pos + window; ++p) {
        if (auto hit = parse_date_at(s, p)) {
            return hit;
        }
    }
    return std::nullopt;
}

/// A date written right after one of `cues` (`publie le jeudi 8 decembre 2016`).
template <std::size_t N>
std::string date_after_cue(const std::vector<std::string>& lines,
                           const std::array<std::string_view, N>& cues) {
    for (const std::string& line : lines) {
        for (const std::string_view cue : cues) {
            for (std::size_t at = line.find(cue); at != std::string::npos;
                 at = line.find(cue, at + 1)) {
                // A cue inside a long paragraph is running text ("le rapport, publie le 3 mars
                // 2015, ..."), not page metadata.
                if ((at > 0 && is_alpha(line[at - 1])) || (at > 0 && line.size() > 150)) {
                    continue;
                }
                if (auto hit = find_date_after(line, at + cue.size(), 40)) {
                    return hit->date;
                }
            }
        }
    }
    return "";
}

/// A dateline: a date near the start of a line followed by `(AGENCY)` and a dash or the end.
bool is_dateline_tail(std::string_view s, std::size_t pos) {
    pos = skip_spaces(s, pos);
    if (pos >= s.size() || s[pos] != '(') {
        return false;
    }
    const std::size_t close = s.find(')', pos);
    if (close == std::string_view::npos || close == pos + 1 || close - pos > 25) {
        return false;
    }
    for (std::size_t i = pos + 1; i < close; ++i) {
        if (!is_alpha(s[i]) && s[i] != ' ' && s[i] != '/' && s[i] != '-' && s[i] != '.') {
            return false;
        }
    }
    const std::size_t after = skip_spaces(s, close + 1);
    return after == s.size() || s[after] == '-';
}

std::string date_in_dateline(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        for (std::size_t p = 0; p < line.size() && p < 80; ++p) {
            auto hit = parse_date_at(line, p);
            if (hit && is_dateline_tail(line, hit->end)) {
                return hit->date;
            }
        }
    }
    return "";
}

/// The date of a folded line that holds nothing else (weekday, `le` and a time allowed).
std::optional<std::string> date_of_date_line(std::string_view s) {
    std::size_t pos = skip_spaces(s, 0);
    pos = skip_spaces(s, pos + word_at(s, pos, "le"));
    for (const std::string_view weekday : k_weekdays) {
        if (const std::size_t len = word_at(s, pos, weekday); len > 0) {
            pos = skip_spaces(s, pos + len);
            pos = skip_spaces(s, pos + ((pos < s.size() && s[pos] == ',') ? 1 : 0));
            break;
        }
    }
    auto hit = parse_date_at(s, pos);
    if (!hit) {
        return std::nullopt;
    }
    const std::string_view rest = s.substr(hit->end);
    if (rest.size() > 25 || rest.find_first_not_of(" 0123456789h:,.-|a") != std::string::npos) {
        return std::nullopt;
    }
    return std::move(hit->date);
}

std::string date_in_date_line(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        if (auto date = date_of_date_line(line)) {
            return *date;
        }
    }
    return "";
}

/// The first non-empty lines of the first bytes of `text`, folded for matching.
std::vector<std::string> folded_head_lines(std::string_view text) {
    constexpr std::size_t k_head_bytes = 600;
    constexpr std::size_t k_head_lines = 8;
    std::string_view head = text.substr(0, k_head_bytes);
    while (head.size() < text.size() && !head.empty() &&
           (static_cast<unsigned char>(text[head.size()]) & 0xC0U) == 0x80U) {
        head.remove_suffix(1); // do not cut a UTF-8 sequence
    }
    std::vector<std::string> lines;
    while (!head.empty() && lines.size() < k_head_lines) {
        const std::size_t end = std::min(head.find('\n'), head.size());
        if (std::string line = fold_for_matching(trim_ascii(head.substr(0, end))); !line.empty()) {
            lines.push_back(std::move(line));
        }
        head.remove_prefix(std::min(end + 1, head.size()));
    }
    return lines;
}

} // namespace

std::string find_date_in_text(std::string_view text) {
    const std::vector<std::string> lines = folded_head_lines(text);
    std::string date = date_after_cue(lines, k_published_cues);
    if (date.empty()) {
        date = date_after_cue(lines, k_updated_cues);
    }
    if (date.empty()) {
        date = date_in_dateline(lines);
    }
    if (date.empty()) {
        date = date_in_date_line(lines);
    }
    return date;
}

bool is_date_line(std::string_view line) {
    return date_of_date_line(fold_for_matching(trim_ascii(line))).has_value();
}

std::string find_date_in_path(std::string_view path) {
    for (std::size_t p = 0; p + 8 <= path.size(); ++p) {
        if (!is_digit(path[p]) || (p > 0 && is_digit(path[p - 1]))) {
            continue;
        }
        int year = 0;
        int month = 0;
        int day = 0;
        if (!read_fixed(path, p, 4, year)) {
            continue;
        }
        const char sep = path[p + 4];
        const bool separated = sep == '-' || sep == '/' || sep == '_';
        const std::size_t m = p + 4 + (separated ? 1 : 0);
        const std::size_t d = m + 2 + (separated ? 1 : 0);
        const std::size_t end = d + 2;
        if (end > path.size() || !read_fixed(path, m, 2, month) || !read_fixed(path, d, 2, day) ||
            (separated && path[m + 2] != sep)) {
            continue;
        }
        const auto touches = [separated](char c) {
            return is_digit(c) || (!separated && std::isalpha(static_cast<unsigned char>(c)) != 0);
        };
        if ((p > 0 && touches(path[p - 1])) || (end < path.size() && touches(path[end]))) {
            continue;
        }
        if (auto date = make_date(year, month, day)) {
            return *date;
        }
    }
    return "";
}

int month_number(std::string_view folded) {
    const auto* found = std::find_if(k_months.begin(), k_months.end(),
                                     [folded](const MonthName& m) { return m.name == folded; });
    return found == k_months.end() ? 0 : found->month;
}

int weekday_number(std::string_view folded) {
    const auto* found = std::find(k_weekdays.begin(), k_weekdays.end(), folded);
    return found == k_weekdays.end() ? -1 : static_cast<int>(found - k_weekdays.begin());
}

} // namespace depeches::ingest
