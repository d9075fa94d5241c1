// The index directory on disk: the stub that names the live generation, the generations, and
// the writer lock; opening the live generation for reading with its versions checked.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace depeches::index {

/// An index that cannot be opened, locked or written; the message is for the user.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The layout of one index directory (see schema.hpp). Cheap to copy; touches the disk only in
/// the methods that say so.
class IndexDirectory {
public:
    explicit IndexDirectory(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    /// The directory itself.
    [[nodiscard]] const std::filesystem::path& path() const { return m_dir; }
    /// The stub file naming the live generation.
    [[nodiscard]] std::filesystem::path stub_path() const;
    /// The live generation's name ("gen-000003") read from the stub; empty when there is none.
    /// Throws IndexError when the directory holds something that is not an index.
    [[nodiscard]] std::string live_generation() const;
    /// A generation name after every generation present.
    [[nodiscard]] std::string next_generation() const;
    /// Scratch directory where `generation` is built before it exists (parallel shards).
    [[nodiscard]] std::filesystem::path work_path(const std::string& generation) const;
    /// Makes `generation` live: writes a new stub beside the old one, syncs it, renames it over
    /// the old one. Readers that open the index afterwards see the new generation whole.
    void switch_to(const std::string& generation) const;
    /// Deletes what interrupted rebuilds left: scratch directories, and generations newer than
    /// `live` that never became live.
    void remove_abandoned_builds(const std::string& live) const;
    /// Deletes every generation except `keep_a` and `keep_b` (either may be empty), and the
    /// scratch directories of interrupted builds.
    void remove_generations_except(const std::string& keep_a, const std::string& keep_b) const;
    /// Creates the directory if needed; throws IndexError if it exists and holds files that
    /// are not an index (so that a mistyped --db never writes into someone's folder).
    void prepare_for_writing() const;

private:
    std::filesystem::path m_dir;
};

/// Exclusive lock on an index directory, held by the one writer (flock on writer.lock).
class WriterLock {
public:
    /// Takes the lock. With `wait`, blocks until the other writer is done; without, throws an
    /// IndexError naming the lock file and the pid holding it.
    WriterLock(const std::filesystem::path& dir, bool wait);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int m_fd = -1;
};

/// Opens the live generation of `dir` for reading. Throws IndexError when there is no index or
/// when it was built with another analysis or schema version.
Xapian::Database open_for_reading(const std::filesystem::path& dir);

/// Throws IndexError unless `db` carries this program's analysis and schema versions.
void check_versions(const Xapian::Database& db, const std::filesystem::path& dir);

/// Records this program's analysis and schema versions in `db`'s metadata.
void write_versions(Xapian::WritableDatabase& db);

} // namespace depeches::index
