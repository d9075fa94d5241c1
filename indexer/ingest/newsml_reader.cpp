// NewsML-G2 and NITF reader: decoding, parsing with pugixml, and the mapping onto Dispatch.
#include "indexer/ingest/newsml_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "indexer/ingest/encoding.hpp"
#include "indexer/ingest/fields.hpp"
#include "indexer/ingest/fold.hpp"
#include "indexer/ingest/xml_tree.hpp"

namespace depeches::ingest {

namespace {

using pugi::xml_attribute;
using pugi::xml_node;

/// Paragraph elements of NITF's body.content, and of an XHTML body.
constexpr std::array<std::string_view, 1> k_nitf_paragraphs = {"p"};
constexpr std::array<std::string_view, 8> k_xhtml_paragraphs = {"p",  "h1", "h2", "h3",
                                                                "h4", "h5", "h6", "li"};

/// itemClass codes of newsItems that carry no text dispatch.
constexpr std::array<std::string_view, 5> k_non_text_classes = {"picture", "graphic", "audio",
                                                                "video", "interactive"};

/// NewsML-G2 items other than newsItem: valid in a feed, but not dispatches.
constexpr std::array<std::string_view, 5> k_other_items = {
    "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"};

/// What reading one item gave: a dispatch, or why not, and what was altered on the way.
struct ItemOutcome {
    std::optional<Dispatch> dispatch;
    std::string rejection;             ///< set when the item was rejected
    std::vector<std::string> warnings; ///< things altered, or why the item was skipped
};

/// True for ISO 8601's basic time and offset, `HHMM[SS][Z|±HH[MM]]`, as NITF writes it.
bool is_basic_time(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    const auto two = [text](std::size_t pos) {
        return (text[pos] - '0') * 10 + text[pos + 1] - '0';
    };
    if ((digits != 4 && digits != 6) || two(0) > 23 || two(2) > 59 ||
        (digits == 6 && two(4) > 60)) {
        return false;
    }
    const std::string_view zone = text.substr(digits);
    if (zone.empty() || zone == "Z") {
        return true;
    }
    const bool all_digits =
        std::all_of(zone.begin() + 1, zone.end(), [](char c) { return c >= '0' && c <= '9'; });
    return (zone[0] == '+' || zone[0] == '-') && all_digits &&
           (zone.size() == 3 || zone.size() == 5);
}

/// normalize_date, plus ISO 8601's basic format that NITF uses (`20161208T183000+0100`).
std::optional<std::string> parse_date(std::string_view text) {
    if (std::optional<std::string> date = normalize_date(text)) {
        return date;
    }
    if (text.size() > 9 && text[8] == 'T' && is_basic_time(text.substr(9))) {
        return normalize_date(text.substr(0, 8));
    }
    return std::nullopt;
}

/// The first written date, among (where, text) pairs in order of preference, that parse_date
/// reads; each one it cannot read is a warning. "" when none.
std::string first_valid_date(std::initializer_list<std::pair<std::string_view, std::string>> dates,
                             std::vector<std::string>& warnings) {
    for (const auto& [where, text] : dates) {
        if (text.empty()) {
            continue;
        }
        if (std::optional<std::string> date = parse_date(text)) {
            return std::move(*date);
        }
        warnings.push_back("invalid date " + quote(text) + " in " + std::string(where) +
                           "; ignored");
    }
    return "";
}

/// Adds keywords in order, without duplicates (compared folded: "Syrie" and "syrie" are one).
class KeywordList {
public:
    explicit KeywordList(std::vector<std::string>& keywords) : m_keywords(keywords) {}

    void add(std::string keyword) {
        if (!keyword.empty() && m_seen.insert(fold_for_matching(keyword)).second) {
            m_keywords.push_back(std::move(keyword));
        }
    }

private:
    std::vector<std::string>& m_keywords;   ///< not owned: the dispatch's list
    std::unordered_set<std::string> m_seen; ///< folded keywords already added
};

/// Reads an id attribute into `dispatch.id`, or says in `out` why it cannot.
bool read_id(const XmlText& xml, xml_attribute attribute, const char* what, Dispatch& dispatch,
             ItemOutcome& out) {
    if (!attribute) {
        out.rejection = std::string("missing ") + what;
        return false;
    }
    dispatch.id = xml.clean(attribute.value());
    if (std::string why; !is_valid_id(dispatch.id, &why)) {
        out.rejection = std::string("invalid ") + what + ": " + why;
        return false;
    }
    return true;
}

/// NewsML-G2 `@version`: a positive integer, 1 when absent or invalid (with a warning).
std::uint64_t read_version(xml_attribute attribute, std::vector<std::string>& warnings) {
    if (!attribute) {
        return 1;
    }
    const std::string text = normalize_space(attribute.value());
    std::uint64_t version = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (error != std::errc{} || end != text.data() + text.size() || version == 0) {
        warnings.push_back("invalid version " + quote(text) + "; version 1 assumed");
        return 1;
    }
    return version;
}

/// Title cut from the body when there is no headline; a rejection when there is neither.
void finish_dispatch(Dispatch& dispatch, ItemOutcome& out, const char* kind) {
    if (dispatch.title.empty() && dispatch.body.empty()) {
        out.rejection = std::string(kind) + " has neither a headline nor body text";
        return;
    }
    if (dispatch.title.empty()) {
        dispatch.title = title_from_body(dispatch.body);
        dispatch.title_from_body = true;
    }
    out.dispatch = std::move(dispatch);
}

/// The first `name` child whose `@role` code is `role` (or, with `or_no_role`, without a role),
/// else the first `name` child.
xml_node preferred_child(xml_node parent, std::string_view name, std::string_view role,
                         bool or_no_role) {
    xml_node first;
    for (xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (!is_element(child, name)) {
            continue;
        }
        const xml_attribute child_role = attribute_named(child, "role");
        if (local_name(child_role.value()) == role || (or_no_role && !child_role)) {
            return child;
        }
        first = first ? first : child;
    }
    return first;
}

/// Why a newsItem is no dispatch (a picture, a withdrawn item), or "".
std::string why_skipped(xml_node item_meta) {
    const std::string_view item_class =
        attribute_named(child_of(item_meta, "itemClass"), "qcode").value();
    if (std::ranges::find(k_non_text_classes, local_name(item_class)) != k_non_text_classes.end()) {
        return "newsItem of class " + quote(item_class) + " skipped: it holds no text";
    }
    const std::string_view status =
        attribute_named(child_of(item_meta, "pubStatus"), "qcode").value();
    if (local_name(status) == "canceled" || local_name(status) == "withheld") {
        return "newsItem skipped: its pubStatus is " + quote(status);
    }
    return "";
}

/// A subject's label: its French name, else a name without xml:lang, else the first name, else
/// `@literal`, else `@qcode`.
std::string subject_label(const XmlText& xml, xml_node subject) {
    xml_node french;
    xml_node unlabelled;
    xml_node first;
    for (xml_node name = child_of(subject, "name"); name; name = name.next_sibling()) {
        if (!is_element(name, "name")) {
            continue;
        }
        const std::string lang = fold_for_matching(attribute_named(name, "xml:lang").value());
        french = !french && (lang == "fr" || lang.starts_with("fr-")) ? name : french;
        unlabelled = !unlabelled && !attribute_named(name, "xml:lang") ? name : unlabelled;
        first = first ? first : name;
    }
    for (const xml_node name : {french, unlabelled, first}) {
        if (std::string label = xml.text_of(name); !label.empty()) {
            return label;
        }
    }
    std::string literal = xml.attribute_of(subject, "literal");
    return literal.empty() ? xml.attribute_of(subject, "qcode") : literal;
}

/// Title, language, keywords, abstract and dateline from a newsItem's contentMeta.
void read_content_meta(const XmlText& xml, xml_node content_meta, Dispatch& d) {
    d.title = xml.text_of(preferred_child(content_meta, "headline", "main", true));
    d.abstract = xml.text_of(preferred_child(content_meta, "description", "summary", false));
    d.dateline = xml.text_of(child_of(content_meta, "dateline"));
    d.lang = xml.attribute_of(child_of(content_meta, "language"), "tag");
    KeywordList keywords(d.keywords);
    for (xml_node child = content_meta.first_child(); child; child = child.next_sibling()) {
        if (is_element(child, "keyword")) {
            keywords.add(xml.text_of(child));
        } else if (is_element(child, "subject")) {
            keywords.add(subject_label(xml, child));
        }
    }
}

/// Source and link from a newsItem's itemMeta.
void read_item_meta(const XmlText& xml, xml_node item_meta, Dispatch& d) {
    const xml_node provider = child_of(item_meta, "provider");
    d.source = xml.attribute_of(provider, "literal");
    d.source = d.source.empty() ? xml.text_of(child_of(provider, "name")) : d.source;
    d.source =
        d.source.empty() ? std::string(local_name(xml.attribute_of(provider, "qcode"))) : d.source;
    for (xml_node link = child_of(item_meta, "link"); link && d.url.empty();
         link = link.next_sibling()) {
        if (is_element(link, "link") &&
            local_name(attribute_named(link, "rel").value()) == "seeAlso") {
            d.url = xml.attribute_of(link, "href");
        }
    }
}

/// The MIME type of an inlineXML or inlineData: `@contenttype` as the schema spells it, or
/// `@contentType` as some producers do.
std::string_view content_type_of(xml_node content) {
    const xml_attribute type = attribute_named(content, "contenttype");
    return type ? type.value() : attribute_named(content, "contentType").value();
}

/// The text of one inlineXML: NITF's body.content or an XHTML body, as its content type says
/// or, without one, as its content shows.
std::string body_of_inline_xml(const XmlText& xml, xml_node inline_xml) {
    const std::string_view type = content_type_of(inline_xml);
    const bool nitf = type.find("nitf") != std::string_view::npos;
    const bool xhtml = !nitf && type.find("html") != std::string_view::npos;
    if (!xhtml) {
        if (const xml_node content = find_descendant(inline_xml, "body.content")) {
            return xml.body_from(content, k_nitf_paragraphs);
        }
        if (nitf) {
            return xml.body_from(inline_xml, k_nitf_paragraphs);
        }
    }
    const xml_node html_body = find_descendant(inline_xml, "body");
    return xml.body_from(html_body ? html_body : inline_xml, k_xhtml_paragraphs);
}

/// The body of a newsItem's contentSet: the first inlineXML with text, else the first inlineData.
std::string read_content_set(const XmlText& xml, xml_node content_set,
                             std::vector<std::string>& warnings) {
    xml_node data;
    for (xml_node child = content_set.first_child(); child; child = child.next_sibling()) {
        if (is_element(child, "inlineXML")) {
            if (std::string body = body_of_inline_xml(xml, child); !body.empty()) {
                return body;
            }
        } else if (!data && is_element(child, "inlineData")) {
            data = child;
        }
    }
    if (!data) {
        return "";
    }
    if (const xml_attribute encoding = attribute_named(data, "encoding")) {
        warnings.push_back("inlineData encoded as " + quote(encoding.value()) + " skipped");
        return "";
    }
    const std::string_view type = content_type_of(data);
    if (!type.empty() && !type.starts_with("text/plain")) {
        warnings.push_back("inlineData of type " + quote(type) + " skipped");
        return "";
    }
    return body_from_plain_text(xml.raw_text_of(data));
}

/// One NewsML-G2 newsItem (the mapping is in newsml_reader.hpp).
ItemOutcome read_news_item(const XmlText& xml, xml_node item) {
    ItemOutcome out;
    const xml_node item_meta = child_of(item, "itemMeta");
    const xml_node content_meta = child_of(item, "contentMeta");
    if (std::string why = why_skipped(item_meta); !why.empty()) {
        out.warnings.push_back(std::move(why));
        return out;
    }
    Dispatch d;
    if (!read_id(xml, attribute_named(item, "guid"), "guid", d, out)) {
        return out;
    }
    d.version = read_version(attribute_named(item, "version"), out.warnings);
    read_item_meta(xml, item_meta, d);
    read_content_meta(xml, content_meta, d);
    d.lang = d.lang.empty() ? xml.attribute_of(item, "xml:lang") : d.lang;
    d.date =
        first_valid_date({{"firstCreated", xml.text_of(child_of(item_meta, "firstCreated"))},
                          {"contentCreated", xml.text_of(child_of(content_meta, "contentCreated"))},
                          {"versionCreated", xml.text_of(child_of(item_meta, "versionCreated"))}},
                         out.warnings);
    d.body = read_content_set(xml, child_of(item, "contentSet"), out.warnings);
    finish_dispatch(d, out, "newsItem");
    return out;
}

/// One NITF document (the mapping is in newsml_reader.hpp).
ItemOutcome read_nitf(const XmlText& xml, xml_node nitf) {
    ItemOutcome out;
    const xml_node head = child_of(nitf, "head");
    const xml_node body = child_of(nitf, "body");
    const xml_node body_head = child_of(body, "body.head");
    const xml_node docdata = child_of(head, "docdata");
    Dispatch d;
    if (!read_id(xml, attribute_named(child_of(docdata, "doc-id"), "id-string"),
                 "head/docdata/doc-id/@id-string", d, out)) {
        return out;
    }
    d.title = xml.text_of(path_of(body_head, {"hedline", "hl1"}));
    d.title = d.title.empty() ? xml.text_of(child_of(head, "title")) : d.title;
    d.date = first_valid_date(
        {{"date.issue", xml.attribute_of(child_of(docdata, "date.issue"), "norm")},
         {"pubdata", xml.attribute_of(child_of(head, "pubdata"), "date.publication")}},
        out.warnings);
    d.abstract = xml.text_of(child_of(body_head, "abstract"));
    d.dateline = xml.text_of(child_of(body_head, "dateline"));
    d.source = xml.text_of(child_of(body_head, "distributor"));
    d.lang = xml.attribute_of(nitf, "xml:lang");
    d.lang = d.lang.empty() ? xml.attribute_of(body, "xml:lang") : d.lang;
    KeywordList keywords(d.keywords);
    for (xml_node key = child_of(child_of(docdata, "key-list"), "keyword"); key;
         key = key.next_sibling()) {
        keywords.add(is_element(key, "keyword") ? xml.attribute_of(key, "key") : "");
    }
    for (xml_node subject = path_of(head, {"tobject", "tobject.subject"}); subject;
         subject = subject.next_sibling()) {
        if (is_element(subject, "tobject.subject")) {
            std::string matter = xml.attribute_of(subject, "tobject.subject.matter");
            keywords.add(matter.empty() ? xml.attribute_of(subject, "tobject.subject.type")
                                        : std::move(matter));
        }
    }
    if (const xml_node content = child_of(body, "body.content")) {
        d.body = xml.body_from(content, k_nitf_paragraphs);
    }
    finish_dispatch(d, out, "nitf document");
    return out;
}

/// Where a file's dispatches and diagnostics go.
struct Output {
    const std::string& origin;
    const DispatchSink& on_dispatch;
    const DiagnosticSink& on_diagnostic;

    void report(std::size_t line, std::string reason, Diagnostic::Severity severity) const {
        on_diagnostic(Diagnostic{origin, line, std::move(reason), severity});
    }

    /// Hands an item's warnings, then its dispatch or its rejection, to the sinks.
    void emit(ItemOutcome&& outcome, std::size_t line) const {
        for (std::string& warning : outcome.warnings) {
            report(line, std::move(warning), Diagnostic::Severity::warning);
        }
        if (outcome.dispatch) {
            outcome.dispatch->origin = origin;
            outcome.dispatch->line = line;
            on_dispatch(std::move(*outcome.dispatch));
        } else if (!outcome.rejection.empty()) {
            report(line, std::move(outcome.rejection), Diagnostic::Severity::rejected);
        }
    }
};

/// A NewsML-G2 item other than newsItem: skipped, with a warning.
ItemOutcome skipped_item(xml_node item) {
    ItemOutcome out;
    out.warnings.push_back(std::string(local_name(item.name())) +
                           " skipped: only a newsItem holds a dispatch");
    return out;
}

/// Reads the DOCTYPE's entity declarations, if any, and warns that they are not expanded.
void scan_doctype(XmlText& xml, xml_node root, const Output& out) {
    std::size_t line = 0;
    const std::vector<std::string> entities = xml.scan_doctype(root, line);
    if (entities.empty()) {
        return;
    }
    std::string names;
    for (std::size_t i = 0; i < entities.size() && i < 3; ++i) {
        names += (i == 0 ? "" : ", ") + quote(entities[i]);
    }
    if (entities.size() > 3) {
        names += " and " + std::to_string(entities.size() - 3) + " more";
    }
    out.report(line,
               "DOCTYPE ignored: the entities it declares (" + names +
                   ") are not expanded, and references to them are dropped",
               Diagnostic::Severity::warning);
}

/// Reads the items of a parsed document, whatever its root.
void read_root(XmlText& xml, xml_node root, const Output& out) {
    const std::string_view name = local_name(root.name());
    if (name == "newsItem") {
        out.emit(read_news_item(xml, root), xml.line_of(root));
    } else if (name == "nitf") {
        out.emit(read_nitf(xml, root), xml.line_of(root));
    } else if (name == "newsMessage") {
        bool any = false;
        for (xml_node item = child_of(root, "itemSet").first_child(); item;
             item = item.next_sibling()) {
            if (item.type() == pugi::node_element) {
                any = true;
                ItemOutcome outcome =
                    is_element(item, "newsItem") ? read_news_item(xml, item) : skipped_item(item);
                out.emit(std::move(outcome), xml.line_of(item));
            }
        }
        if (!any) {
            out.report(xml.line_of(root), "newsMessage holds no item",
                       Diagnostic::Severity::warning);
        }
    } else if (std::ranges::find(k_other_items, name) != k_other_items.end()) {
        out.emit(skipped_item(root), xml.line_of(root));
    } else {
        out.report(xml.line_of(root),
                   "unsupported XML root element " + quote(root.name()) +
                       ": expected newsItem or newsMessage (NewsML-G2) or nitf",
                   Diagnostic::Severity::rejected);
    }
}

} // namespace

void read_newsml(std::string_view bytes, const std::string& origin, const DispatchSink& on_dispatch,
                 const DiagnosticSink& on_diagnostic) {
    const Output out{origin, on_dispatch, on_diagnostic};
    if (bytes.size() > k_max_input_bytes) {
        out.report(0, "file too large (" + std::to_string(bytes.size()) + " bytes, limit 16 MiB)",
                   Diagnostic::Severity::rejected);
        return;
    }
    const DecodedText decoded = decode_text(bytes);
    if (!decoded.ok) {
        out.report(0, "not a text file: " + decoded.note, Diagnostic::Severity::rejected);
        return;
    }
    if (!decoded.note.empty()) {
        out.report(0, decoded.note, Diagnostic::Severity::warning);
    }
    pugi::xml_document document;
    XmlText xml(decoded.text);
    std::size_t error_line = 0;
    if (std::string error = xml.parse(document, error_line); !error.empty()) {
        out.report(error_line, std::move(error), Diagnostic::Severity::rejected);
        return;
    }
    const xml_node root = document.document_element();
    scan_doctype(xml, root, out);
    read_root(xml, root, out);
}

} // namespace depeches::ingest
