// XML for the readers: pugixml parsing with safe options, local names, text, DOCTYPE entities.
#include "indexer/ingest/xml_tree.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fields.hpp"

namespace depeches::ingest {

namespace {

/// See XmlText::parse.
constexpr unsigned int k_parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

/// Longest value quoted in a diagnostic, in bytes.
constexpr std::size_t k_quote_max_bytes = 40;

/// Elements that separate words even when the source puts no space around them.
constexpr std::array<std::string_view, 14> k_word_breaks = {
    "br", "p", "div", "li", "td", "block", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6"};

bool breaks_words(pugi::xml_node node) {
    return std::ranges::find(k_word_breaks, local_name(node.name())) != k_word_breaks.end();
}

} // namespace

std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_element(pugi::xml_node node, std::string_view name) {
    return node.type() == pugi::node_element && local_name(node.name()) == name;
}

pugi::xml_node child_of(pugi::xml_node parent, std::string_view name) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (is_element(child, name)) {
            return child;
        }
    }
    return {};
}

pugi::xml_node path_of(pugi::xml_node node, std::initializer_list<std::string_view> names) {
    for (const std::string_view name : names) {
        node = child_of(node, name);
    }
    return node;
}

pugi::xml_node find_descendant(pugi::xml_node root, std::string_view name) {
    pugi::xml_node found;
    walk_tree(root, [&](pugi::xml_node node) {
        if (is_element(node, name)) {
            found = node;
            return Walk::stop;
        }
        return Walk::into;
    });
    return found;
}

pugi::xml_attribute attribute_named(pugi::xml_node node, std::string_view name) {
    const bool exact = name.find(':') != std::string_view::npos;
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
        const std::string_view attribute_name = attribute.name();
        if ((exact ? attribute_name : local_name(attribute_name)) == name) {
            return attribute;
        }
    }
    return {};
}

std::string quote(std::string_view value) {
    const std::string text = normalize_space(analysis::repair_utf8(value));
    const std::string_view kept = analysis::truncate_utf8(text, k_quote_max_bytes);
    std::string quoted;
    quoted.reserve(kept.size() + 5);
    quoted.append(1, '"').append(kept).append(kept.size() < text.size() ? "\u2026\"" : "\"");
    return quoted;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string body;
    for (const std::string& paragraph : paragraphs) {
        if (!paragraph.empty()) {
            body += body.empty() ? "" : "\n\n";
            body += paragraph;
        }
    }
    return body;
}

std::string body_from_plain_text(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::string current;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            paragraphs.push_back(normalize_space(current));
            current.clear();
        } else {
            current.append(line).push_back(' ');
        }
    }
    paragraphs.push_back(normalize_space(current));
    return join_paragraphs(paragraphs);
}

std::string XmlText::parse(pugi::xml_document& document, std::size_t& line) {
    // encoding_auto would believe a declared ISO-8859-1 and decode the UTF-8 text a second time.
    const pugi::xml_parse_result parsed =
        document.load_buffer(m_text.data(), m_text.size(), k_parse_options, pugi::encoding_utf8);
    line = 0;
    if (parsed) {
        return "";
    }
    if (parsed.status == pugi::status_no_document_element) {
        return "not XML: no element found";
    }
    if (parsed.status == pugi::status_out_of_memory) {
        return "XML too large to parse: out of memory";
    }
    line = line_at(parsed.offset);
    std::string what = parsed.description();
    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    const std::size_t next = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    const bool cut_short = m_text.find_first_not_of(" \t\n", next + 1) == std::string_view::npos;
    return "not well-formed XML at line " + std::to_string(line) + ": " + what +
           (cut_short ? " (the document ends early: truncated?)" : "");
}

std::size_t XmlText::line_at(std::ptrdiff_t offset) {
    if (offset < 0) {
        return 0;
    }
    const std::size_t end = std::min(static_cast<std::size_t>(offset), m_text.size());
    if (end < m_cursor) {
        m_cursor = 0;
        m_cursor_line = 1;
    }
    const std::string_view counted = m_text.substr(m_cursor, end - m_cursor);
    m_cursor_line += static_cast<std::size_t>(std::ranges::count(counted, '\n'));
    m_cursor = end;
    return m_cursor_line;
}

std::vector<std::string> XmlText::scan_doctype(pugi::xml_node root, std::size_t& line) {
    const std::ptrdiff_t root_offset = root.offset_debug();
    const std::string_view prolog =
        m_text.substr(0, root_offset > 0 ? static_cast<std::size_t>(root_offset) : 0);
    const std::size_t doctype = prolog.find("<!DOCTYPE");
    if (doctype == std::string_view::npos) {
        return {};
    }
    line = line_at(static_cast<std::ptrdiff_t>(doctype));
    std::vector<std::string> names;
    for (std::size_t pos = prolog.find("<!ENTITY", doctype); pos != std::string_view::npos;
         pos = prolog.find("<!ENTITY", pos)) {
        pos = prolog.find_first_not_of(" \t\n", pos + 8);
        if (pos == std::string_view::npos || prolog[pos] == '%') {
            continue; // a parameter entity is only referenced inside the DTD
        }
        const std::size_t end = std::min(prolog.find_first_of(" \t\n", pos), prolog.size());
        names.emplace_back(prolog.substr(pos, end - pos));
    }
    m_entities = names;
    std::ranges::sort(m_entities);
    return names;
}

std::string XmlText::clean(std::string_view text) const {
    std::string out = m_entities.empty() ? std::string(text) : drop_entity_references(text);
    return analysis::is_valid_utf8(out) ? out : analysis::repair_utf8(out);
}

std::string XmlText::drop_entity_references(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t amp = std::min(text.find('&', pos), text.size());
        out.append(text.substr(pos, amp - pos));
        if (amp == text.size()) {
            break;
        }
        // pugixml leaves a reference it does not know as written: `&name;`.
        const std::size_t end = text.find_first_of("; \t\n&<", amp + 1);
        if (end != std::string_view::npos && text[end] == ';' &&
            std::ranges::binary_search(m_entities, text.substr(amp + 1, end - amp - 1))) {
            pos = end + 1;
            continue;
        }
        out += '&';
        pos = amp + 1;
    }
    return out;
}

std::string XmlText::raw_text_of(pugi::xml_node node) const {
    std::string text;
    walk_tree(node, [&text](pugi::xml_node child) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element && breaks_words(child)) {
            text += ' ';
        }
        return Walk::into;
    });
    return clean(text);
}

std::string XmlText::text_of(pugi::xml_node node) const {
    return normalize_space(raw_text_of(node));
}

std::string XmlText::attribute_of(pugi::xml_node node, std::string_view name) const {
    return normalize_space(clean(attribute_named(node, name).value()));
}

std::string XmlText::body_from(pugi::xml_node container,
                               std::span<const std::string_view> names) const {
    std::vector<std::string> paragraphs;
    bool found = false;
    walk_tree(container, [&](pugi::xml_node node) {
        if (node.type() != pugi::node_element ||
            std::ranges::find(names, local_name(node.name())) == names.end()) {
            return Walk::into;
        }
        found = true;
        paragraphs.push_back(text_of(node));
        return Walk::over;
    });
    return found ? join_paragraphs(paragraphs) : text_of(container);
}

} // namespace depeches::ingest
