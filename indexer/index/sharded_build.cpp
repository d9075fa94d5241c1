// Parallel rebuild: shard threads fed by hash of id, committed, compacted into one database.
#include "indexer/index/sharded_build.hpp"

#include <functional>

namespace depeches::index {

namespace fs = std::filesystem;

std::size_t ShardedBuild::default_shards() {
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp<std::size_t>(cores, 1, 4);
}

ShardedBuild::ShardedBuild(fs::path work_dir, std::size_t shards)
    : m_work_dir(std::move(work_dir)) {
    fs::remove_all(m_work_dir);
    fs::create_directories(m_work_dir);
    for (std::size_t i = 0; i < std::max<std::size_t>(shards, 1); ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = m_work_dir / ("shard-" + std::to_string(i));
        Shard& ref = *shard;
        m_shards.push_back(std::move(shard));
        ref.thread = std::thread([this, &ref] { run_shard(ref); });
    }
}

ShardedBuild::~ShardedBuild() {
    stop_all();
    std::error_code ec;
    fs::remove_all(m_work_dir, ec);
}

void ShardedBuild::run_shard(Shard& shard) {
    try {
        Xapian::WritableDatabase db(shard.path.string(),
                                    Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        while (std::optional<Task> task = shard.queue.pop()) {
            if (task->replace) {
                db.replace_document(task->built.id_term, task->built.document);
            } else {
                db.add_document(task->built.document);
            }
        }
        db.commit();
        db.close();
    } catch (...) {
        shard.error = std::current_exception();
        shard.queue.close();
        // Drain so that the feeding thread never blocks on a dead shard.
        while (shard.queue.pop()) {
        }
    }
}

void ShardedBuild::stop_all() {
    for (auto& shard : m_shards) {
        shard->queue.close();
    }
    for (auto& shard : m_shards) {
        if (shard->thread.joinable()) {
            shard->thread.join();
        }
    }
}

void ShardedBuild::rethrow_failure() {
    for (auto& shard : m_shards) {
        if (shard->error) {
            std::rethrow_exception(shard->error);
        }
    }
}

void ShardedBuild::add(BuiltDocument&& built, bool replace) {
    Shard& shard = *m_shards[std::hash<std::string>{}(built.id_term) % m_shards.size()];
    if (!shard.queue.push({std::move(built), replace})) {
        stop_all();
        rethrow_failure();
        throw std::runtime_error("index shard stopped unexpectedly");
    }
}

void ShardedBuild::finish_into(const fs::path& output) {
    stop_all();
    rethrow_failure();
    Xapian::Database all;
    for (auto& shard : m_shards) {
        all.add_database(Xapian::Database(shard->path.string()));
    }
    all.compact(output.string(), Xapian::DBCOMPACT_MULTIPASS);
}

} // namespace depeches::index
