// Query lexing. Operators are recognised only in upper case, so "ou" and "et" stay words.
#include "searchd/query/query_lexer.hpp"

#include <array>
#include <charconv>

namespace depeches::query {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Opening quotes and their closing partners (UTF-8).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_quotes{{
    {"\"", "\""},
    {"\xC2\xAB", "\xC2\xBB"},         // « »
    {"\xE2\x80\x9C", "\xE2\x80\x9D"}, // “ ”
    {"\xE2\x80\x9E", "\xE2\x80\x9C"}, // „ “
}};

std::optional<LexemeKind> operator_kind(std::string_view word) {
    if (word == "OR" || word == "OU") {
        return LexemeKind::op_or;
    }
    if (word == "AND" || word == "ET") {
        return LexemeKind::op_and;
    }
    if (word == "NOT" || word == "SAUF") {
        return LexemeKind::op_not;
    }
    return std::nullopt;
}

/// `text` with its ASCII capitals in lower case.
std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return lower;
}

/// Field name of "name:" at the start of `word` (lower-cased), or empty.
std::string field_of(std::string_view word) {
    const auto colon = word.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return {};
    }
    const std::string name = ascii_lower(word.substr(0, colon));
    if (name == "titre" || name == "title") {
        return "titre";
    }
    if (name == "date") {
        return "date";
    }
    return {};
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : m_query(query) {}

    std::optional<std::vector<Lexeme>> run() {
        while (m_pos < m_query.size()) {
            if (is_space(m_query[m_pos])) {
                ++m_pos;
                continue;
            }
            if (!lex_one()) {
                return std::nullopt;
            }
        }
        return std::move(m_out);
    }

private:
    /// Lexes from m_pos (not a space); false on an unbalanced quote.
    bool lex_one(const std::string& field = {}) {
        const char c = m_query[m_pos];
        if (c == '(' || c == ')') {
            m_out.push_back({c == '(' ? LexemeKind::open_paren : LexemeKind::close_paren, {}, {}});
            ++m_pos;
            return true;
        }
        for (const auto& [open, close] : k_quotes) {
            if (m_query.substr(m_pos, open.size()) == open) {
                const auto end = m_query.find(close, m_pos + open.size());
                if (end == std::string_view::npos) {
                    return false;
                }
                m_out.push_back(
                    {LexemeKind::phrase,
                     std::string(m_query.substr(m_pos + open.size(), end - m_pos - open.size())),
                     field});
                m_pos = end + close.size();
                return true;
            }
        }
        const bool at_word_start =
            m_pos == 0 || is_space(m_query[m_pos - 1]) || m_query[m_pos - 1] == '(';
        if ((c == '-' || c == '+') && at_word_start && field.empty() &&
            m_pos + 1 < m_query.size() && !is_space(m_query[m_pos + 1]) && !after_sentence_end() &&
            !signs_a_number() && !(c == '-' && names_an_ending())) {
            m_out.push_back({c == '-' ? LexemeKind::minus : LexemeKind::plus, {}, {}});
            ++m_pos;
            return lex_one();
        }
        const std::size_t start = m_pos;
        while (m_pos < m_query.size() && !is_space(m_query[m_pos]) && m_query[m_pos] != '(' &&
               m_query[m_pos] != ')' && !starts_quote(m_pos)) {
            ++m_pos;
        }
        const std::string_view word = m_query.substr(start, m_pos - start);
        if (word.empty()) {
            return true;
        }
        if (field.empty()) {
            if (const auto op = operator_kind(word)) {
                m_out.push_back({*op, {}, {}});
                return true;
            }
            const std::string name = field_of(word);
            const std::size_t value_start = start + word.find(':') + 1;
            const bool has_value =
                value_start < m_pos || (m_pos < m_query.size() && starts_quote(m_pos));
            if (name == "date" && value_start < m_pos) {
                m_out.push_back({LexemeKind::date,
                                 std::string(m_query.substr(value_start, m_pos - value_start)),
                                 {}});
                return true;
            }
            if (name == "titre" && has_value) {
                m_pos = value_start;
                return lex_one(name);
            }
        }
        if (word.size() > 1 && word.back() == '*') {
            m_out.push_back(
                {LexemeKind::wildcard, std::string(word.substr(0, word.size() - 1)), field});
        } else {
            m_out.push_back({LexemeKind::text, std::string(word), field});
        }
        return true;
    }

    /// True when the text before m_pos, spaces aside, ends a sentence (. ! ? …): a dash there
    /// opens a line of dialogue or a list item in pasted prose ("le croire. -C'est une photo"),
    /// not an operator, which nobody types after a full stop.
    [[nodiscard]] bool after_sentence_end() const {
        const auto before = text_before_space();
        return before && (before->ends_with('.') || before->ends_with('!') ||
                          before->ends_with('?') || before->ends_with("\u2026"));
    }

    /// The query before m_pos without the spaces that end it; nothing when no space stands
    /// right before m_pos.
    [[nodiscard]] std::optional<std::string_view> text_before_space() const {
        std::size_t end = m_pos;
        while (end > 0 && is_space(m_query[end - 1])) {
            --end;
        }
        if (end == m_pos) {
            return std::nullopt;
        }
        return m_query.substr(0, end);
    }

    /// True when the sign at m_pos begins a number ("-10 degrés", "(19 %; +1)"): a
    /// temperature or a change, not an operator ("Covid -19" excluding 19 would lose Covid-19).
    [[nodiscard]] bool signs_a_number() const {
        const char next = m_query[m_pos + 1];
        return next >= '0' && next <= '9';
    }

    /// True when the word before m_pos is "en", "suffixe" or "terminaison": French names an
    /// ending with its dash ("les toponymes en -in", "les verbes en -er"), and excluding it
    /// would leave out the very texts that name it.
    [[nodiscard]] bool names_an_ending() const {
        const auto before = text_before_space();
        if (!before) {
            return false;
        }
        std::size_t start = before->size();
        while (start > 0 && !is_space((*before)[start - 1]) && (*before)[start - 1] != '(') {
            --start;
        }
        const std::string word = ascii_lower(before->substr(start));
        return word == "en" || word == "suffixe" || word == "suffixes" || word == "terminaison" ||
               word == "terminaisons";
    }

    [[nodiscard]] bool starts_quote(std::size_t pos) const {
        for (const auto& quote : k_quotes) {
            if (m_query.substr(pos, quote.first.size()) == quote.first) {
                return true;
            }
        }
        return false;
    }

    std::string_view m_query;
    std::size_t m_pos = 0;
    std::vector<Lexeme> m_out;
};

/// "2016", "2016-12" or "2016-12-08" → first and last day as YYYYMMDD.
std::optional<std::pair<std::string, std::string>> parse_one_date(std::string_view text) {
    const auto number = [](std::string_view digits, int low, int high) -> std::optional<int> {
        int value = 0;
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || ptr != digits.data() + digits.size() || value < low ||
            value > high) {
            return std::nullopt;
        }
        return value;
    };
    const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    if (text.size() < 4) {
        return std::nullopt;
    }
    const auto year = number(text.substr(0, 4), 1000, 9999);
    if (!year) {
        return std::nullopt;
    }
    const std::string y = std::to_string(*year);
    if (text.size() == 4) {
        return std::make_pair(y + "0101", y + "1231");
    }
    if (text.size() < 7 || (text[4] != '-' && text[4] != '/')) {
        return std::nullopt;
    }
    const auto month = number(text.substr(5, 2), 1, 12);
    if (!month) {
        return std::nullopt;
    }
    if (text.size() == 7) {
        return std::make_pair(y + two(*month) + "01", y + two(*month) + "31");
    }
    if (text.size() != 10 || text[7] != text[4]) {
        return std::nullopt;
    }
    const auto day = number(text.substr(8, 2), 1, 31);
    if (!day) {
        return std::nullopt;
    }
    const std::string value = y + two(*month) + two(*day);
    return std::make_pair(value, value);
}

} // namespace

std::string without_quotes(std::string_view query) {
    std::string spaced;
    bool quoted = false;
    for (std::size_t i = 0; i < query.size();) {
        std::size_t quote = 0;
        for (const auto& [open, close] : k_quotes) {
            for (const std::string_view mark : {open, close}) {
                if (query.substr(i, mark.size()) == mark) {
                    quote = mark.size();
                }
            }
        }
        quoted = quoted || quote > 0;
        for (const std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF"}) { // (narrow) no-break
            if (query.substr(i, space.size()) == space) {
                quote = space.size();
            }
        }
        spaced += quote > 0 ? ' ' : query[i];
        i += quote > 0 ? quote : 1;
    }
    if (!quoted) {
        return std::string(query);
    }
    std::string out; // words separated by one space
    for (const char c : spaced) {
        if (!is_space(c)) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::optional<std::vector<Lexeme>> lex_query(std::string_view query) {
    return Lexer(query).run();
}

std::optional<std::pair<std::string, std::string>> parse_date_range(std::string_view text) {
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        return parse_one_date(text);
    }
    const auto from =
        dots == 0
            ? std::make_optional(std::make_pair(std::string("00000000"), std::string("00000000")))
            : parse_one_date(text.substr(0, dots));
    const auto to =
        dots + 2 == text.size()
            ? std::make_optional(std::make_pair(std::string("99999999"), std::string("99999999")))
            : parse_one_date(text.substr(dots + 2));
    if (!from || !to || from->first > to->second) {
        return std::nullopt;
    }
    return std::make_pair(from->first, to->second);
}

} // namespace depeches::query
