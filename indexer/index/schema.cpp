// Conversions between the dispatch model and the schema's stored forms.
#include "indexer/index/schema.hpp"

#include <charconv>

#include "indexer/analysis/french.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::index {

namespace {

/// Appends `number` as a k_slot_words variable-length integer (see unpack_words).
void append_varint(std::string& out, std::uint32_t number) {
    while (number >= 0x80) {
        out.push_back(static_cast<char>((number & 0x7F) | 0x80));
        number >>= 7;
    }
    out.push_back(static_cast<char>(number));
}

/// Xapian refuses terms longer than 245 bytes; keep a margin.
constexpr std::size_t k_max_term_bytes = 240;

} // namespace

std::string truncated_term(std::string_view form) {
    if (form.empty() || (form.front() >= '0' && form.front() <= '9') ||
        analysis::is_stop_word(form)) {
        return {};
    }
    std::size_t end = 0;
    for (std::size_t chars = 0; end < form.size() && chars < k_truncated_chars; ++chars) {
        end += analysis::decode_utf8(form, end).length;
    }
    return std::string(k_prefix_truncated).append(form.substr(0, end));
}

std::string date_value(std::string_view iso_date) {
    if (iso_date.size() != 10) {
        return {};
    }
    std::string out;
    out.reserve(8);
    out.append(iso_date.substr(0, 4)).append(iso_date.substr(5, 2)).append(iso_date.substr(8, 2));
    return out;
}

std::optional<std::uint32_t> date_number(std::string_view date_value) {
    std::uint32_t number = 0;
    const char* end = date_value.data() + date_value.size();
    const auto [stop, error] = std::from_chars(date_value.data(), end, number);
    if (date_value.size() != 8 || error != std::errc() || stop != end) {
        return std::nullopt;
    }
    return number;
}

std::string iso_date(std::string_view date_value) {
    if (date_value.size() != 8) {
        return {};
    }
    std::string out;
    out.reserve(10);
    out.append(date_value.substr(0, 4))
        .append("-")
        .append(date_value.substr(4, 2))
        .append("-")
        .append(date_value.substr(6, 2));
    return out;
}

std::string pack_words(const Xapian::Document& document, Xapian::termpos body_start) {
    std::string value;
    for (Xapian::TermIterator it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        const std::string term = *it;
        if (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') {
            continue; // a prefixed term (every prefix is one upper-case letter)
        }
        append_varint(value, static_cast<std::uint32_t>(term.size()));
        value.append(term);
        append_varint(value, it.get_wdf());
        // Positions are sorted: the first is the earliest. Every unprefixed term has some.
        const Xapian::PositionIterator first = it.positionlist_begin();
        const Xapian::termpos position = first != it.positionlist_end() ? *first : body_start;
        append_varint(value, position > body_start ? position - body_start : 0);
    }
    return value;
}

std::string pack_hit(std::string_view date_value, std::string_view id, std::string_view title) {
    std::string value;
    value.reserve(date_value.size() + id.size() + title.size() + 2);
    value.append(date_value).append(1, k_hit_separator).append(id).append(1, k_hit_separator);
    // Ids and titles are valid UTF-8 without control characters; a stray separator in a title
    // would only shorten what the hit shows.
    value.append(title);
    return value;
}

HitFields unpack_hit(std::string_view value) {
    HitFields fields;
    const auto first = value.find(k_hit_separator);
    if (first == std::string_view::npos) {
        return fields;
    }
    const auto second = value.find(k_hit_separator, first + 1);
    fields.date = iso_date(value.substr(0, first));
    fields.id = value.substr(first + 1, second == std::string_view::npos ? std::string_view::npos
                                                                         : second - first - 1);
    if (second != std::string_view::npos) {
        fields.title = value.substr(second + 1);
    }
    return fields;
}

std::string origin_term(std::string_view origin) {
    std::string term(k_prefix_origin);
    term.append(analysis::truncate_utf8(origin, k_max_term_bytes - term.size()));
    return term;
}

} // namespace depeches::index
