// The reading side of an indexing run: source files → parsed dispatches → built documents,
// in input order, handed over as Items through a bounded queue.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/cli/sources.hpp"
#include "indexer/index/document_builder.hpp"
#include "indexer/index/index_writer.hpp"
#include "indexer/index/work_queue.hpp"
#include "indexer/ingest/dispatch.hpp"

namespace depeches::cli {

/// What the reader hands to the writing side.
struct Item {
    enum class Kind {
        dispatch,   ///< a built document to put
        unchanged,  ///< a dispatch the index already holds as is: nothing was built
        diagnostic, ///< a rejection or warning
        file_done,  ///< a source file was read to its end
    };
    Kind kind = Kind::dispatch;
    index::BuiltDocument built;    ///< dispatch
    std::string id;                ///< dispatch, unchanged
    std::uint64_t version = 0;     ///< dispatch, unchanged
    std::string where;             ///< dispatch, unchanged: "file:line" or "file"
    std::string origin;            ///< dispatch, unchanged, file_done: absolute source path
                                   ///< ("" for standard input)
    ingest::Diagnostic diagnostic; ///< diagnostic
    bool clean = true;             ///< file_done: every input of the file was accepted
    std::uint64_t bytes = 0;       ///< file_done: size of the file, for progress
};

/// Reads sources and builds documents; runs on its own thread. `stored`, when given, is the
/// index's state before the run: a dispatch found there with the same content is passed on as
/// `unchanged` without being analysed.
class SourceReader {
public:
    SourceReader(const std::vector<Source>& sources, index::WorkQueue<Item>& queue,
                 const index::StoredStates* stored)
        : m_sources(sources), m_queue(queue), m_stored(stored) {}

    /// Reads every source; stops early when the queue is closed by the writing side.
    void run();

private:
    void read_file(const SourceFile& file);
    /// Hands `item` over; once the writing side has stopped (it failed), reading stops too.
    void send(Item&& item);
    void emit(ingest::Dispatch&& dispatch, const std::string& where, const std::string& origin);
    void diagnose(ingest::Diagnostic&& diagnostic);

    const std::vector<Source>& m_sources;
    index::WorkQueue<Item>& m_queue;
    const index::StoredStates* m_stored;
    index::DocumentBuilder m_builder;
    bool m_clean = true;    ///< the current file had no rejection so far
    bool m_stopped = false; ///< the writing side stopped: read no further
};

} // namespace depeches::cli
