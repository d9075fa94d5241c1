// Reading the dispatches of a source file, whatever its format: what an indexing run and
// depeches-learn share.
#pragma once

#include <functional>
#include <istream>
#include <string>

#include "indexer/cli/sources.hpp"
#include "indexer/ingest/dispatch.hpp"

namespace depeches::cli {

/// Receives each dispatch read and where it was read ("file:line", or "file").
using FoundDispatch = std::function<void(ingest::Dispatch&&, const std::string& where)>;

/// Reads the dispatches of `file` by its format, each with its origin set to the file's
/// relative path; what cannot be read goes to `on_diagnostic`, and reading goes on.
void read_dispatch_file(const SourceFile& file, const FoundDispatch& on_dispatch,
                        const ingest::DiagnosticSink& on_diagnostic);

/// Reads JSON Lines from `in` (standard input: shown and relative are "-").
void read_dispatch_stream(std::istream& in, const std::string& shown, const std::string& relative,
                          const FoundDispatch& on_dispatch,
                          const ingest::DiagnosticSink& on_diagnostic);

} // namespace depeches::cli
