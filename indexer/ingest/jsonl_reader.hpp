// Reader for JSON Lines input: one dispatch object per line, from a file or standard input.
#pragma once

#include <istream>
#include <string>

#include "indexer/ingest/dispatch.hpp"

namespace depeches::ingest {

/// Reads every line of `in` until its end and hands each dispatch to `on_dispatch` and each
/// problem to `on_diagnostic`, both in input order (a line's warnings before its dispatch).
/// `origin` is what Dispatch::origin and Diagnostic::file are set to; lines are numbered from 1.
///
/// Line format: `{"id": str|int, "title": str, "date": str, "body": str}`, plus optional
/// `abstract`, `source`, `url`, `lang` (strings) and `keywords` (array of strings, or one
/// comma-separated string); `text` stands in for a missing `body`; a null field counts as absent;
/// other fields are ignored. Blank lines are skipped; a UTF-8 BOM and CR line ends are accepted.
/// Texts go through normalize_space (control characters become spaces); body lines become
/// paragraphs separated by "\n\n"; a missing title is cut from the body (title_from_body set).
///
/// Rejected, one Diagnostic each, and reading goes on: malformed JSON (with the byte offset),
/// a value that is not an object, a missing or invalid id, a field of the wrong type, neither
/// title nor body, a line over k_max_input_bytes (never held whole in memory: the rest of it is
/// skipped). Warnings, the dispatch still produced: invalid UTF-8 in the line (each bad byte
/// becomes U+FFFD), a date normalize_date cannot read (date left empty).
///
/// Never throws for bad input; the sinks' own exceptions propagate. Reads `in` through its
/// stream buffer, without consulting or setting its state flags.
void read_jsonl(std::istream& in, const std::string& origin, const DispatchSink& on_dispatch,
                const DiagnosticSink& on_diagnostic);

} // namespace depeches::ingest
