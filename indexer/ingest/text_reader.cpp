// Plain-text dispatch reader: decoding, chrome removal, headline and date inference.
#include "indexer/ingest/text_reader.hpp"

#include <algorithm>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/boilerplate.hpp"
#include "indexer/ingest/encoding.hpp"
#include "indexer/ingest/fields.hpp"

namespace depeches::ingest {

namespace {

/// Longest first line, in code points, that can still be a headline.
constexpr std::size_t k_headline_max_chars = 150;

/// The dispatch id a path gives: `/` separators, no `./` prefix, no `.txt` extension.
std::string id_from_path(std::string_view relative_path) {
    std::string id(relative_path);
    std::replace(id.begin(), id.end(), '\\', '/');
    while (id.starts_with("./")) {
        id.erase(0, 2);
    }
    if (id.size() >= 4) {
        std::string extension = id.substr(id.size() - 4);
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        if (extension == ".txt") {
            id.resize(id.size() - 4);
        }
    }
    return id;
}

/// The dispatch's paragraphs: one per line that is left once chrome and spacing are gone.
std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> paragraphs;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string line = normalize_space(strip_chrome(text.substr(0, end)));
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.empty() || (paragraphs.empty() && is_date_line(line))) {
            continue;
        }
        paragraphs.push_back(std::move(line));
    }
    return paragraphs;
}

/// True when a line ends the way running text does rather than a headline.
bool ends_like_paragraph(std::string_view line) {
    for (const std::string_view end : {".", "\u2026", ":", ";", ",", "-", "\u2013", "\u2014"}) {
        if (line.ends_with(end)) {
            return true;
        }
    }
    return false;
}

std::string join_paragraphs(std::vector<std::string>::const_iterator first,
                            std::vector<std::string>::const_iterator last) {
    std::string body;
    for (auto it = first; it != last; ++it) {
        body += body.empty() ? "" : "\n\n";
        body += *it;
    }
    return body;
}

Diagnostic make_diagnostic(const std::string& file, std::string reason,
                           Diagnostic::Severity severity) {
    return Diagnostic{file, 0, std::move(reason), severity};
}

} // namespace

TextReadResult read_text_dispatch(std::string_view bytes, const std::string& relative_path) {
    TextReadResult result;
    const auto reject = [&](std::string reason) {
        result.diagnostics.push_back(
            make_diagnostic(relative_path, std::move(reason), Diagnostic::Severity::rejected));
        return std::move(result);
    };
    if (bytes.size() > k_max_input_bytes) {
        return reject("file too large (" + std::to_string(bytes.size()) + " bytes, limit 16 MiB)");
    }
    Dispatch dispatch;
    dispatch.id = id_from_path(relative_path);
    if (std::string why; !is_valid_id(dispatch.id, &why)) {
        return reject("invalid id from path: " + why);
    }
    DecodedText decoded = decode_text(bytes);
    if (!decoded.ok) {
        return reject("not a text file: " + decoded.note);
    }
    if (!decoded.note.empty()) {
        result.diagnostics.push_back(
            make_diagnostic(relative_path, decoded.note, Diagnostic::Severity::warning));
    }
    const std::vector<std::string> paragraphs = paragraphs_of(decoded.text);
    if (paragraphs.empty()) {
        return reject("no text after removing page chrome");
    }
    const std::string& first = paragraphs.front();
    if (analysis::count_code_points(first) <= k_headline_max_chars && !ends_like_paragraph(first)) {
        dispatch.title = first;
        dispatch.body = join_paragraphs(paragraphs.begin() + 1, paragraphs.end());
    } else {
        dispatch.body = join_paragraphs(paragraphs.begin(), paragraphs.end());
        dispatch.title = title_from_body(dispatch.body);
        dispatch.title_from_body = true;
    }
    dispatch.date = find_date_in_text(decoded.text);
    if (dispatch.date.empty()) {
        dispatch.date = find_date_in_path(relative_path);
    }
    dispatch.origin = relative_path;
    result.dispatch = std::move(dispatch);
    return result;
}

} // namespace depeches::ingest
