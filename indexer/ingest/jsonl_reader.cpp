// JSON Lines reader: a bounded line splitter, then nlohmann/json without exceptions, per line.
#include "indexer/ingest/jsonl_reader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fields.hpp"

namespace depeches::ingest {

namespace {

using json = nlohmann::json;

/// Splits a stream buffer into lines without ever holding more than k_max_input_bytes of one.
class LineReader {
public:
    explicit LineReader(std::istream& in) : m_buffer(in.rdbuf()), m_chunk(k_chunk_bytes) {}

    /// Reads the next line, without its '\n', into `line`. When the line is longer than
    /// k_max_input_bytes, `line` is left empty, `oversize` is set and the rest is skipped.
    /// Returns false at the end of input.
    bool next(std::string& line, bool& oversize) {
        line.clear();
        oversize = false;
        bool any = false;
        while (true) {
            if (m_pos == m_end && !fill()) {
                return any;
            }
            const char* start = m_chunk.data() + m_pos;
            const auto* newline = static_cast<const char*>(std::memchr(start, '\n', m_end - m_pos));
            const std::size_t length = newline != nullptr ? newline - start : m_end - m_pos;
            any = true;
            if (!oversize && line.size() + length > k_max_input_bytes) {
                oversize = true;
                line.clear();
            } else if (!oversize) {
                line.append(start, length);
            }
            m_pos += length + (newline != nullptr ? 1 : 0);
            if (newline != nullptr) {
                return true;
            }
        }
    }

private:
    static constexpr std::size_t k_chunk_bytes = std::size_t{1} << 18U;

    bool fill() {
        m_pos = 0;
        m_end = 0;
        if (m_buffer == nullptr) {
            return false;
        }
        const std::streamsize got =
            m_buffer->sgetn(m_chunk.data(), static_cast<std::streamsize>(m_chunk.size()));
        m_end = got > 0 ? static_cast<std::size_t>(got) : 0;
        return m_end > 0;
    }

    std::streambuf* m_buffer; ///< not owned; null for a stream without a buffer
    std::vector<char> m_chunk;
    std::size_t m_pos = 0; ///< next unread byte of m_chunk
    std::size_t m_end = 0; ///< bytes of m_chunk filled
};

/// SAX handler that only records where and why parsing failed.
class ErrorLocator final : public nlohmann::json_sax<json> {
public:
    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t /*value*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
    bool string(string_t& /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*size*/) override { return true; }
    bool key(string_t& /*value*/) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t /*size*/) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        m_position = position;
        m_message = error.what();
        return false;
    }

    /// "malformed JSON at byte N: what the parser expected", without nlohmann's prefix or the
    /// echo of the input.
    std::string describe() const {
        std::string message = m_message;
        if (const std::size_t column = message.find("column "); column != std::string::npos) {
            const std::size_t colon = message.find(": ", column);
            message = colon == std::string::npos ? "" : message.substr(colon + 2);
        }
        message = message.substr(0, message.find("; last read"));
        return "malformed JSON at byte " + std::to_string(m_position) +
               (message.empty() ? "" : ": " + message);
    }

private:
    std::size_t m_position = 0;
    std::string m_message;
};

std::string describe_parse_error(const std::string& line) {
    ErrorLocator locator;
    json::sax_parse(line, &locator, json::input_format_t::json, true);
    return locator.describe();
}

/// Body text: each non-empty line a space-normalised paragraph, joined with "\n\n".
std::string paragraphs_from(std::string_view text) {
    if (text.find('\n') == std::string_view::npos) {
        return normalize_space(text); // most bodies: no copy beyond the result
    }
    std::string_view rest = text;
    std::string body;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        const std::string line = normalize_space(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (!line.empty()) {
            body += body.empty() ? "" : "\n\n";
            body += line;
        }
    }
    return body;
}

/// Why a field could not be read, or "" when it was read (or absent).
using FieldError = std::string;

/// Points `out` at an optional string field, left null when the field is absent or null.
FieldError find_string(const json& object, const char* key, const std::string*& out) {
    out = nullptr;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return "";
    }
    if (!it->is_string()) {
        return std::string("field \"") + key + "\" must be a string, not " + it->type_name();
    }
    out = &it->get_ref<const std::string&>();
    return "";
}

/// Reads an optional one-line string field into `out`, space-normalised.
FieldError read_string(const json& object, const char* key, std::string& out) {
    const std::string* value = nullptr;
    FieldError error = find_string(object, key, value);
    if (value != nullptr) {
        out = normalize_space(*value);
    }
    return error;
}

FieldError read_id(const json& object, std::string& id) {
    const auto it = object.find("id");
    if (it == object.end() || it->is_null()) {
        return "missing field \"id\"";
    }
    if (it->is_number_unsigned()) {
        id = std::to_string(it->get<std::uint64_t>());
    } else if (it->is_number_integer()) {
        id = std::to_string(it->get<std::int64_t>());
    } else if (it->is_string()) {
        id = it->get_ref<const std::string&>();
    } else {
        return std::string("field \"id\" must be a string or an integer, not ") + it->type_name();
    }
    std::string why;
    return is_valid_id(id, &why) ? "" : "invalid id: " + why;
}

FieldError read_keywords(const json& object, std::vector<std::string>& keywords) {
    const auto it = object.find("keywords");
    if (it == object.end() || it->is_null()) {
        return "";
    }
    const auto add = [&keywords](std::string_view text) {
        if (std::string keyword = normalize_space(text); !keyword.empty()) {
            keywords.push_back(std::move(keyword));
        }
    };
    if (it->is_string()) {
        std::string_view rest = it->get_ref<const std::string&>();
        while (!rest.empty()) {
            const std::size_t comma = std::min(rest.find(','), rest.size());
            add(rest.substr(0, comma));
            rest.remove_prefix(std::min(comma + 1, rest.size()));
        }
        return "";
    }
    if (it->is_array()) {
        for (const json& item : *it) {
            if (!item.is_string()) {
                return "field \"keywords\" must hold only strings";
            }
            add(item.get_ref<const std::string&>());
        }
        return "";
    }
    return "field \"keywords\" must be an array of strings or a string";
}

/// What reading one parsed line gave.
struct LineOutcome {
    std::optional<Dispatch> dispatch;
    std::string rejection;             ///< set when dispatch is empty
    std::vector<std::string> warnings; ///< things altered or dropped
};

/// Fills `out.dispatch` from a parsed object, or says why it cannot.
void read_object(const json& object, LineOutcome& out) {
    Dispatch d;
    const std::string* body = nullptr;
    const std::string* text = nullptr;
    for (FieldError error :
         {read_id(object, d.id), read_string(object, "title", d.title),
          find_string(object, "body", body), find_string(object, "text", text),
          read_string(object, "abstract", d.abstract), read_string(object, "source", d.source),
          read_string(object, "url", d.url), read_string(object, "lang", d.lang),
          read_keywords(object, d.keywords)}) {
        if (!error.empty()) {
            out.rejection = std::move(error);
            return;
        }
    }
    if (body != nullptr || text != nullptr) {
        d.body = paragraphs_from(body != nullptr ? *body : *text);
    }
    if (d.title.empty() && d.body.empty()) {
        out.rejection = "neither title nor body/text";
        return;
    }
    if (d.title.empty()) {
        d.title = title_from_body(d.body);
        d.title_from_body = true;
    }
    if (const auto it = object.find("date"); it != object.end() && !it->is_null()) {
        if (!it->is_string()) {
            out.warnings.push_back(std::string("field \"date\" must be a string, not ") +
                                   it->type_name() + "; date left empty");
        } else if (auto normalized = normalize_date(it->get_ref<const std::string&>())) {
            d.date = std::move(*normalized);
        } else {
            const auto& raw = it->get_ref<const std::string&>();
            out.warnings.push_back("invalid date \"" +
                                   std::string(analysis::truncate_utf8(raw, 40)) +
                                   "\"; date left empty");
        }
    }
    out.dispatch = std::move(d);
}

/// Parses one non-blank line; `line` may be repaired in place.
LineOutcome read_line(std::string& line) {
    LineOutcome out;
    json value = json::parse(line, nullptr, false);
    if (value.is_discarded() && !analysis::is_valid_utf8(line)) {
        const std::size_t invalid = analysis::count_invalid_utf8(line);
        line = analysis::repair_utf8(line);
        value = json::parse(line, nullptr, false);
        out.warnings.push_back("replaced " + std::to_string(invalid) + " invalid UTF-8 byte" +
                               (invalid == 1 ? "" : "s") + " with U+FFFD");
    }
    if (value.is_discarded()) {
        out.rejection = describe_parse_error(line);
    } else if (!value.is_object()) {
        out.rejection = std::string("not a JSON object but ") + value.type_name();
    } else {
        read_object(value, out);
    }
    return out;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

void read_jsonl(std::istream& in, const std::string& origin, const DispatchSink& on_dispatch,
                const DiagnosticSink& on_diagnostic) {
    LineReader reader(in);
    std::string line;
    bool oversize = false;
    for (std::size_t number = 1; reader.next(line, oversize); ++number) {
        const auto report = [&](std::string reason, Diagnostic::Severity severity) {
            on_diagnostic(Diagnostic{origin, number, std::move(reason), severity});
        };
        if (oversize) {
            report("line longer than 16 MiB", Diagnostic::Severity::rejected);
            continue;
        }
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.erase(0, 3);
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (is_blank(line)) {
            continue;
        }
        LineOutcome outcome = read_line(line);
        for (std::string& warning : outcome.warnings) {
            report(std::move(warning), Diagnostic::Severity::warning);
        }
        if (!outcome.dispatch) {
            report(std::move(outcome.rejection), Diagnostic::Severity::rejected);
            continue;
        }
        outcome.dispatch->origin = origin;
        outcome.dispatch->line = number;
        on_dispatch(std::move(*outcome.dispatch));
    }
}

} // namespace depeches::ingest
