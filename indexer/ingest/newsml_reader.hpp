// Reader for XML news files: IPTC NewsML-G2 (a newsItem, or a newsMessage of several) and NITF 3.x.
//
// Parsing is pugixml's. It never loads a DTD or an external entity and never expands an entity
// other than the five predefined ones and character references, so "billion laughs" and XXE are
// impossible by construction rather than by remembering flags; it is also fast, and its DOM API
// is small. libxml2 would need XML_PARSE_NONET, no XML_PARSE_NOENT or XML_PARSE_DTDLOAD, and its
// entity amplification limits to get there.
#pragma once

#include <string>
#include <string_view>

#include "indexer/ingest/dispatch.hpp"

namespace depeches::ingest {

/// Reads one XML file and hands each dispatch to `on_dispatch` and each problem to
/// `on_diagnostic`, in document order (an item's warnings before its dispatch). Dispatch::origin
/// and Diagnostic::file are `origin`; Dispatch::line is the line where the item's element starts.
/// Elements are matched by local name, so a default namespace and a prefix (`nar:headline`) read
/// alike; namespaces are not checked.
///
/// NewsML-G2, root `newsItem`, or `newsMessage` whose `itemSet` holds items (each newsItem is one
/// dispatch; packageItem, conceptItem and other items are skipped with a warning, and so is a
/// newsItem whose itemClass is a picture, graphic, audio, video or interactive, or whose
/// pubStatus is canceled or withheld). In a newsItem:
/// - id `@guid` (required); version `@version`, a positive integer, 1 when absent;
/// - title: `contentMeta/headline`, the first one whose `@role` is "main" (any scheme prefix) or
///   absent, else the first; without one, title_from_body (title_from_body set);
/// - date: the first of `itemMeta/firstCreated`, `contentMeta/contentCreated`,
///   `itemMeta/versionCreated` that normalize_date, or ISO 8601's basic format, reads (the
///   calendar date as written);
/// - lang: `contentMeta/language/@tag`, else the item's `@xml:lang`;
/// - keywords, in document order and without duplicates (compared folded): each
///   `contentMeta/keyword`, and each `contentMeta/subject`'s French `name` (else one without
///   `xml:lang`, else the first), else its `@literal`, else its `@qcode` ("medtop:16000000");
/// - abstract: `contentMeta/description` with role "summary" (any prefix), else the first;
///   dateline: `contentMeta/dateline`;
/// - source: `itemMeta/provider` `@literal`, else its `name`, else its `@qcode` without the
///   scheme ("nprov:AFP" gives "AFP"); url: `@href` of the first `itemMeta/link` with rel seeAlso;
/// - body: the first `contentSet/inlineXML` that yields text, else the first `inlineData`.
///   The type is `@contenttype` (as the schema spells it) or `@contentType`. An inlineXML of type
///   application/nitf+xml gives the `p` elements of NITF's `body.content`;
///   of type application/xhtml+xml the `p`, `h1`…`h6` and `li` elements of the html `body`;
///   of another or no type, whichever of the two structures is there. inlineData of type
///   text/plain (or none) is split at blank lines; an encoded one (`@encoding`) is skipped.
///
/// NITF, root `nitf`: id `head/docdata/doc-id/@id-string`; title `body/body.head/hedline/hl1`,
/// else `head/title`; date `head/docdata/date.issue/@norm` (`20161208T183000+0100`), else
/// `head/pubdata/@date.publication`; abstract and dateline from `body.head`; source
/// `body.head/distributor`; keywords `docdata/key-list/keyword/@key` and each
/// `head/tobject/tobject.subject`'s `@tobject.subject.matter` (else its `@tobject.subject.type`);
/// body the `p` elements of `body/body.content`; lang `@xml:lang` of `nitf`, else of `body`;
/// version 0.
///
/// Text includes nested inline elements (`<p>Le <b>président</b> a dit</p>` gives "Le président
/// a dit") and goes through normalize_space; paragraphs are joined with "\n\n". When the elements
/// a body is made of are missing, the whole text of the container is one paragraph.
///
/// Bytes: decode_text first (a declared `encoding` is not trusted: the decoded text is parsed as
/// UTF-8); refused bytes, files over k_max_input_bytes, XML that is not well-formed (the reason
/// and line of pugixml's error) and any other root element are rejected, one Diagnostic for the
/// file. Per item, rejected: no id or an invalid one, neither headline nor body text; warnings:
/// an invalid version (1 assumed), an unreadable date (the next candidate is tried).
///
/// Hostile XML: a DOCTYPE is skipped unread. References to entities its internal subset declares
/// are never expanded; they are dropped from the text, with one warning for the file (billion
/// laughs and XXE leave the rest of the dispatch readable). References to undeclared entities
/// (`&nbsp;`) stay as written, as pugixml leaves them. Trees are walked without recursion, so any
/// nesting depth is read. Never throws for bad input; the sinks' own exceptions propagate.
void read_newsml(std::string_view bytes, const std::string& origin, const DispatchSink& on_dispatch,
                 const DiagnosticSink& on_diagnostic);

} // namespace depeches::ingest
