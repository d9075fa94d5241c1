// XML for the readers, over pugixml: parsing with the safe options, names without prefixes, a
// walk without recursion, and text read with its inline elements, entity references and lines.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace depeches::ingest {

/// What a walk_tree visitor says to do after a node.
enum class Walk { into, over, stop };

/// Visits the nodes below `root` in document order, without recursion (a document may nest
/// elements 100,000 deep); `visit(node)` returns whether to go into its children, over them, or
/// to stop. `root` itself is not visited.
template <typename Visit> void walk_tree(pugi::xml_node root, Visit&& visit) {
    pugi::xml_node node = root.first_child();
    while (node) {
        const Walk next = visit(node);
        if (next == Walk::stop) {
            return;
        }
        if (next == Walk::into && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node != root && !node.next_sibling()) {
            node = node.parent();
        }
        if (node == root) {
            return;
        }
        node = node.next_sibling();
    }
}

/// An XML name without its prefix: "nar:headline" gives "headline".
std::string_view local_name(std::string_view name);

/// True when `node` is an element whose local name is `name`.
bool is_element(pugi::xml_node node, std::string_view name);

/// The first child element of `parent` with local name `name`, or a null node (also when
/// `parent` is null).
pugi::xml_node child_of(pugi::xml_node parent, std::string_view name);

/// Follows child elements by local name: path_of(item, {"itemMeta", "provider"}).
pugi::xml_node path_of(pugi::xml_node node, std::initializer_list<std::string_view> names);

/// The first element with local name `name` below `root`, in document order, or a null node.
pugi::xml_node find_descendant(pugi::xml_node root, std::string_view name);

/// Attribute `name` of `node`, matched by local name, or exactly when `name` has a prefix
/// ("xml:lang"); a null attribute when absent.
pugi::xml_attribute attribute_named(pugi::xml_node node, std::string_view name);

/// `value` quoted for a diagnostic: on one line, valid UTF-8, cut after 40 bytes with "…".
std::string quote(std::string_view value);

/// Joins the non-empty paragraphs with "\n\n".
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

/// A plain-text body: paragraphs are separated by blank lines, single line ends are spaces,
/// each paragraph goes through normalize_space.
std::string body_from_plain_text(std::string_view text);

/// Text of one parsed document: line numbers from pugixml's byte offsets, and text with the
/// references to entities its DOCTYPE declares dropped. Holds a view of the parsed text, which
/// must outlive it; not thread-safe (line_at keeps a cursor).
class XmlText {
public:
    /// `text` is the UTF-8 text to parse, and must outlive this object.
    explicit XmlText(std::string_view text) : m_text(text) {}

    /// Parses the text into `document` the one way the readers parse XML: pugixml's defaults
    /// (CDATA, the five predefined entities and character references, attribute and end-of-line
    /// normalisation) plus white-space-only text, which separates inline elements
    /// (`<b>Alep</b> <i>Syrie</i>`); parse_doctype stays off, so a DOCTYPE is skipped unread. The
    /// text is taken as UTF-8 whatever its XML declaration says (it has been decoded already).
    /// Returns "" on success, else one sentence ("not well-formed XML at line 3: start-end tags
    /// mismatch") and sets `line` to where parsing stopped (0 when no place applies).
    std::string parse(pugi::xml_document& document, std::size_t& line);

    /// 1-based line of byte `offset` of the text; 0 for a negative offset (pugixml's "unknown").
    /// Cheapest when offsets come in increasing order.
    std::size_t line_at(std::ptrdiff_t offset);

    /// Line where `node`'s element starts (the line of its name).
    std::size_t line_of(pugi::xml_node node) { return line_at(node.offset_debug()); }

    /// Reads the entity declarations of a DOCTYPE written before `root` (pugixml skips a DOCTYPE
    /// unread); references to these entities are dropped from all text read from now on.
    /// Returns the declared names in declaration order (parameter entities left out) and sets
    /// `line` to the DOCTYPE's line; no DOCTYPE gives no names.
    std::vector<std::string> scan_doctype(pugi::xml_node root, std::size_t& line);

    /// `text` as pugixml gave it, without references to declared entities, as valid UTF-8 (a
    /// character reference can give a lone surrogate). Not space-normalised.
    std::string clean(std::string_view text) const;

    /// All the text inside `node`, nested inline elements included (`Le <b>président</b>`), a
    /// space at each line break or block element, cleaned; not space-normalised.
    std::string raw_text_of(pugi::xml_node node) const;

    /// raw_text_of on one line (normalize_space); "" for a null node.
    std::string text_of(pugi::xml_node node) const;

    /// Value of attribute `name` of `node` (see attribute_named), cleaned and on one line; ""
    /// when absent.
    std::string attribute_of(pugi::xml_node node, std::string_view name) const;

    /// The body made of the elements with local names `names` below `container`, one paragraph
    /// each (an element is read whole; elements inside it are not paragraphs of their own), or
    /// the container's whole text as one paragraph when it has none of them.
    std::string body_from(pugi::xml_node container, std::span<const std::string_view> names) const;

private:
    std::string drop_entity_references(std::string_view text) const;

    std::string_view m_text;             ///< the parsed buffer, not owned
    std::vector<std::string> m_entities; ///< names the DOCTYPE declares, sorted
    std::size_t m_cursor = 0;            ///< offset line_at last counted up to
    std::size_t m_cursor_line = 1;       ///< line of m_cursor
};

} // namespace depeches::ingest
