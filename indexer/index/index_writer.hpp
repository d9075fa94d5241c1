// Writes one indexing run: either into the live generation inside one transaction, or into a
// fresh generation (built in parallel shards, compacted) switched in whole at the end.
// Readers never see half a run.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "indexer/index/document_builder.hpp"
#include "indexer/index/index_store.hpp"
#include "indexer/index/sharded_build.hpp"

namespace depeches::index {

/// One run of writes to an index directory. Holds the writer lock for its lifetime.
/// Not thread-safe. Destroying it before commit() leaves the index as it was before the run.
class IndexWriter {
public:
    /// How the run writes.
    enum class Mode {
        incremental, ///< into the live generation, one transaction, committed by commit()
        rebuild,     ///< into a new generation, made live by commit(); used by --full and
                     ///< for a first build
    };
    /// What put() did with a document, compared with the index before the run.
    enum class Outcome { added, updated, unchanged };

    struct Options {
        bool full = false;      ///< rebuild from this run's sources only
        bool wait_lock = false; ///< wait for another writer instead of failing
        std::size_t shards = 0; ///< rebuild: writer threads (0: ShardedBuild::default_shards())
    };

    /// Locks `dir`, creating it if needed, and opens the run. Throws IndexError.
    IndexWriter(const std::filesystem::path& dir, Options options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    [[nodiscard]] Mode mode() const { return m_mode; }

    /// Adds or replaces the document with the same id term; leaves it alone when its content
    /// hash is unchanged (incremental mode).
    Outcome put(BuiltDocument&& built);

    /// Removes the document with this id; false when there was none (incremental mode only:
    /// a rebuild holds exactly what it was given).
    bool remove(const std::string& id);

    /// Calls `visit(id, origin_path)` for every document of the index as it is in this run
    /// (incremental mode) whose origin term starts with `origin_prefix`.
    void for_each_origin(
        const std::string& origin_prefix,
        const std::function<void(const std::string& id, const std::string& origin)>& visit) const;

    /// Number of documents the previous state had whose id this rebuild did not put (0 in
    /// incremental mode, where removals are explicit).
    [[nodiscard]] std::size_t count_dropped_by_rebuild() const;

    /// Number of documents in the run's state (pending changes included).
    [[nodiscard]] std::size_t document_count() const;

    /// Makes the run's changes visible to readers. Throws IndexError (the index is then as it
    /// was before the run).
    void commit();

private:
    /// The content hash the index had for this id term before the run, if it had the id.
    [[nodiscard]] std::optional<std::string> previous_hash(const std::string& id_term) const;

    IndexDirectory m_layout;
    std::unique_ptr<WriterLock> m_lock;
    Mode m_mode = Mode::incremental;
    std::string m_previous_generation;          ///< live generation before the run (may be empty)
    std::string m_generation;                   ///< generation written to
    Xapian::WritableDatabase m_db;              ///< incremental mode: the live generation
    std::optional<Xapian::Database> m_previous; ///< rebuild mode: the state before the run
    std::unique_ptr<ShardedBuild> m_build;      ///< rebuild mode
    std::unordered_set<std::string> m_put_ids;  ///< rebuild mode: id terms put so far
    bool m_committed = false;
};

} // namespace depeches::index
