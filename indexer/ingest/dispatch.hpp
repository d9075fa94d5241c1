// The Dispatch model every reader produces and the index consumes, and the Diagnostic a reader
// reports for an input it could not take whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace depeches::ingest {

/// One news dispatch, whatever format it came from. All text fields are valid UTF-8.
struct Dispatch {
    std::string id;               ///< stable identifier, unique in an index
    std::string title;            ///< headline; never empty once a reader has returned the dispatch
    bool title_from_body = false; ///< the title was cut from the body's first sentence, so the
                                  ///< index does not weight those words a second time
    std::string date;             ///< publication date "YYYY-MM-DD", empty when unknown
    std::string body;             ///< text of the dispatch, paragraphs separated by "\n\n"
    std::string abstract;         ///< optional summary ("chapeau")
    std::string source;           ///< optional agency or publisher ("AFP")
    std::string url;              ///< optional address of the original
    std::string lang;             ///< optional language tag ("fr")
    std::vector<std::string> keywords; ///< optional subjects and keywords
    std::string dateline;              ///< optional place and date line ("BEYROUTH, 8 déc 2016")
    std::uint64_t version = 0; ///< revision of this id (NewsML-G2 version); 0 when unversioned.
                               ///< A lower version never replaces a higher one.
    std::string origin;        ///< where it was read: file path relative to its source root, or "-"
    std::size_t line = 0;      ///< 1-based line in `origin` for line-oriented formats, 0 otherwise
};

/// What a reader says about an input it rejected or had to alter. Never fatal to a batch.
struct Diagnostic {
    enum class Severity { warning, rejected };
    std::string file;     ///< path as given on the command line or relative to the source root
    std::size_t line = 0; ///< 1-based line, 0 when the whole file is concerned
    std::string reason;   ///< one sentence, in English, stable enough for scripts to grep
    Severity severity = Severity::rejected;
};

/// Receives each dispatch a reader produces, in input order.
using DispatchSink = std::function<void(Dispatch&&)>;
/// Receives each diagnostic a reader produces, in input order.
using DiagnosticSink = std::function<void(Diagnostic&&)>;

} // namespace depeches::ingest
