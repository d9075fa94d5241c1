// Writes one indexing run: either into the live generation inside one transaction, or into a
// fresh generation (built in parallel shards, compacted) switched in whole at the end.
// Readers never see half a run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "indexer/index/document_builder.hpp"
#include "indexer/index/index_store.hpp"
#include "indexer/index/sharded_build.hpp"

namespace depeches::index {

/// What the index held for one dispatch id before the run.
struct StoredState {
    std::string content_hash;
    std::uint64_t version = 0;
};

/// Every dispatch id of an index and its stored state.
using StoredStates = std::unordered_map<std::string, StoredState>;

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
    enum class Outcome {
        added,
        updated,
        unchanged,  ///< same content hash: nothing written (incremental mode)
        superseded, ///< the index holds a higher version of this id: nothing written
    };

    struct Options {
        bool full = false;      ///< rebuild from this run's sources only
        bool wait_lock = false; ///< wait for another writer instead of failing
        std::size_t shards = 0; ///< rebuild: writer threads (0: ShardedBuild::default_shards())
        /// A lock the caller already holds on the directory (a watch session keeps it between
        /// runs); when null, the writer takes its own.
        std::shared_ptr<WriterLock> lock;
    };

    /// Locks `dir`, creating it if needed, and opens the run. Throws IndexError.
    IndexWriter(const std::filesystem::path& dir, Options options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    [[nodiscard]] Mode mode() const { return m_mode; }

    /// The index's dispatches before the run (empty for a rebuild from nothing). Safe to read
    /// from another thread while the writer runs: it never changes during the run.
    [[nodiscard]] const StoredStates& stored() const { return m_stored; }

    /// Adds or replaces the document with the same id, unless the index already holds this
    /// content (unchanged) or a higher version (superseded).
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

    /// Makes the run's changes visible to readers; a run that changed nothing leaves the index
    /// untouched (no new revision). Throws IndexError (the index is then as it was before the
    /// run).
    void commit();

private:
    IndexDirectory m_layout;
    std::shared_ptr<WriterLock> m_lock;
    Mode m_mode = Mode::incremental;
    std::string m_previous_generation;         ///< live generation before the run (may be empty)
    std::string m_generation;                  ///< generation written to
    StoredStates m_stored;                     ///< the index before the run
    Xapian::WritableDatabase m_db;             ///< incremental mode: the live generation
    std::unique_ptr<ShardedBuild> m_build;     ///< rebuild mode
    std::unordered_set<std::string> m_put_ids; ///< rebuild mode: ids put so far
    bool m_changed = false;                    ///< incremental mode: something was written
    bool m_committed = false;
};

/// Reads the id, content hash and version of every document of `db`.
StoredStates read_stored_states(const Xapian::Database& db);

} // namespace depeches::index
