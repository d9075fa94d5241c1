// The word associations file a daemon ranks with, read again whenever it changes: an archive
// grows, depeches-learn writes its associations again (replacing the file whole, by a rename),
// and the daemon left running ranks with them without a restart, as it already searches the
// dispatches indexed since it started.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "indexer/associations/table.hpp"
#include "searchd/service/search_service.hpp"

namespace depeches::search {

/// How often the file is looked at (its size, time and inode: a stat).
inline constexpr std::chrono::milliseconds k_associations_check_interval{1000};

/// Reads a table written by depeches-learn. Throws associations::TableError naming `file`
/// (and the line) when it cannot.
std::shared_ptr<const associations::Table> read_associations(const std::filesystem::path& file);

/// Gives `service` the associations of `file` now, and again each time the file changes, until
/// destroyed (destroy it before the service). A change it cannot read (a file removed or
/// truncated, not a table, or not a regular file) leaves the service with the associations it
/// had, and is said on standard error; the next change is read again.
class AssociationsWatch {
public:
    /// Reads `file` (throws associations::TableError, naming it, when it cannot: the daemon
    /// does not start) and starts watching it.
    AssociationsWatch(std::filesystem::path file, SearchService& service,
                      std::chrono::milliseconds interval = k_associations_check_interval);
    ~AssociationsWatch();
    AssociationsWatch(const AssociationsWatch&) = delete;
    AssociationsWatch& operator=(const AssociationsWatch&) = delete;

private:
    /// What tells one version of the file from the next: depeches-learn's rename makes a new
    /// inode, and an edit in place a new size or time.
    struct Stamp {
        std::uintmax_t inode = 0;
        std::uintmax_t size = 0;
        std::int64_t modified_ns = 0;
        bool operator==(const Stamp&) const = default;
    };
    /// The file's stamp, or nothing when it cannot be looked at.
    static std::optional<Stamp> stamp_of(const std::filesystem::path& file);
    void watch();

    std::filesystem::path m_file;
    SearchService& m_service;
    std::chrono::milliseconds m_interval;
    std::optional<Stamp> m_seen; ///< the stamp of the version read (or tried) last
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace depeches::search
