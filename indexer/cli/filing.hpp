// The writing side of an indexing run: files each Item with the IndexWriter, keeps the counts,
// settles repeated ids and versions, and removes what disappeared from the sources.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "indexer/cli/report.hpp"
#include "indexer/cli/source_reader.hpp"
#include "indexer/cli/sources.hpp"
#include "indexer/index/index_writer.hpp"

namespace depeches::cli {

/// Files items in the order the reader produced them. Not thread-safe (the writing thread).
class Filing {
public:
    Filing(index::IndexWriter& writer, RunReport& report) : m_writer(writer), m_report(report) {}

    /// Files one item.
    void file(Item&& item);

    /// Removes the dispatches of `source` whose file is gone, or whose file was read whole
    /// and no longer holds them. A file with a rejected input keeps its earlier dispatches.
    void remove_vanished(const Source& source);

    /// Removes the dispatches read from `origin` (a file or a directory that disappeared).
    void remove_origin(const std::string& origin);

    /// Bytes of the source files read so far, for progress.
    [[nodiscard]] std::uint64_t bytes_done() const { return m_bytes_done; }

private:
    /// Where and in which version an id was read in this run.
    struct Seen {
        std::string where;
        std::uint64_t version = 0;
    };

    void file_dispatch(Item&& item);
    /// False (with a warning) when this run already read a higher version of the id.
    bool note_seen(const Item& item);
    void remove_matching(const std::string& prefix, bool directory);

    index::IndexWriter& m_writer;
    RunReport& m_report;
    std::unordered_map<std::string, Seen> m_seen;       ///< ids read in this run
    std::unordered_map<std::string, bool> m_files_done; ///< origin → read without rejection
    std::uint64_t m_bytes_done = 0;
};

} // namespace depeches::cli
