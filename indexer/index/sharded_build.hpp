// A fresh generation built by several writer threads, one Xapian shard each, then compacted
// into one database: Xapian has one writer per database, so this is how a rebuild uses every
// core; compaction also leaves the index smaller and faster to search.
#pragma once

#include <exception>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include <xapian.h>

#include "indexer/index/document_builder.hpp"
#include "indexer/index/work_queue.hpp"

namespace depeches::index {

/// Builds shards in `work_dir` (created, and removed on destruction). add() is called from one
/// thread; each shard has its own thread.
class ShardedBuild {
public:
    /// Starts `shards` writer threads (at least 1).
    ShardedBuild(std::filesystem::path work_dir, std::size_t shards);
    ~ShardedBuild();
    ShardedBuild(const ShardedBuild&) = delete;
    ShardedBuild& operator=(const ShardedBuild&) = delete;

    /// Queues `built` for the shard its id maps to; `replace` when this id was added before
    /// (the same id always maps to the same shard, so the later one wins). Rethrows a shard's
    /// failure.
    void add(BuiltDocument&& built, bool replace);

    /// Waits for every shard, commits them, and compacts them into the new database `output`.
    /// Throws Xapian::Error (or a shard's failure).
    void finish_into(const std::filesystem::path& output);

    /// Default number of shards: the machine's cores, at most 4.
    static std::size_t default_shards();

private:
    struct Task {
        BuiltDocument built;
        bool replace = false;
    };
    struct Shard {
        std::filesystem::path path;
        WorkQueue<Task> queue{64};
        std::thread thread;
        std::exception_ptr error;
    };

    void run_shard(Shard& shard);
    void stop_all();
    void rethrow_failure();

    std::filesystem::path m_work_dir;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace depeches::index
