// Index directory layout, generation switching and the writer lock.
#include "indexer/index/index_store.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/index/schema.hpp"

namespace depeches::index {

namespace fs = std::filesystem;

namespace {

/// Number of a generation directory name, or -1 when `name` is not one.
long generation_number(const std::string& name) {
    if (name.rfind(k_generation_prefix, 0) != 0) {
        return -1;
    }
    long number = -1;
    const char* first = name.data() + k_generation_prefix.size();
    const char* last = name.data() + name.size();
    const auto [ptr, ec] = std::from_chars(first, last, number);
    return ec == std::errc() && ptr == last ? number : -1;
}

std::string errno_text() {
    return std::strerror(errno);
}

/// True for scratch directories of generations being built ("gen-000003.build").
bool is_work_dir(const std::string& name) {
    return name.size() > k_work_suffix.size() &&
           name.compare(name.size() - k_work_suffix.size(), k_work_suffix.size(), k_work_suffix) ==
               0 &&
           generation_number(name.substr(0, name.size() - k_work_suffix.size())) >= 0;
}

} // namespace

fs::path IndexDirectory::stub_path() const {
    return m_dir / k_stub_file;
}

std::string IndexDirectory::live_generation() const {
    std::ifstream stub(stub_path());
    if (!stub) {
        return {};
    }
    std::string backend;
    std::string generation;
    stub >> backend >> generation;
    if (backend != "auto" || generation_number(generation) < 0) {
        throw IndexError(stub_path().string() + " is not a stub written by depeches-indexer");
    }
    return generation;
}

std::string IndexDirectory::next_generation() const {
    long highest = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        highest = std::max(highest, generation_number(entry.path().filename().string()));
    }
    std::ostringstream name;
    name << k_generation_prefix;
    name.width(6);
    name.fill('0');
    name << highest + 1;
    return name.str();
}

fs::path IndexDirectory::work_path(const std::string& generation) const {
    return m_dir / (generation + std::string(k_work_suffix));
}

void IndexDirectory::switch_to(const std::string& generation) const {
    const fs::path temporary = m_dir / (std::string(k_stub_file) + ".new");
    const std::string content = "auto " + generation + "\n";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw IndexError("cannot write " + temporary.string() + ": " + errno_text());
    }
    const bool written =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), stub_path().c_str()) != 0) {
        throw IndexError("cannot switch " + m_dir.string() + " to " + generation + ": " +
                         errno_text());
    }
    // Make the rename itself durable.
    const int dir_fd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
}

void IndexDirectory::remove_abandoned_builds(const std::string& live) const {
    const long live_number = live.empty() ? 0 : generation_number(live);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (is_work_dir(name) || generation_number(name) > live_number) {
            fs::remove_all(entry.path(), ec);
        }
    }
}

void IndexDirectory::remove_generations_except(const std::string& keep_a,
                                               const std::string& keep_b) const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if ((generation_number(name) >= 0 && name != keep_a && name != keep_b) ||
            is_work_dir(name)) {
            fs::remove_all(entry.path(), ec);
        }
    }
}

void IndexDirectory::prepare_for_writing() const {
    std::error_code ec;
    if (!fs::exists(m_dir, ec)) {
        if (!fs::create_directories(m_dir, ec)) {
            throw IndexError("cannot create index directory " + m_dir.string() + ": " +
                             ec.message());
        }
        return;
    }
    if (!fs::is_directory(m_dir, ec)) {
        throw IndexError(m_dir.string() + " exists and is not a directory");
    }
    if (fs::exists(stub_path(), ec)) {
        return;
    }
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != k_lock_file && generation_number(name) < 0 && !is_work_dir(name)) {
            throw IndexError(m_dir.string() +
                             " is not empty and is not a Dépêches index; refusing to write there");
        }
    }
}

WriterLock::WriterLock(const fs::path& dir, bool wait) {
    const fs::path path = dir / k_lock_file;
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        throw IndexError("cannot open lock file " + path.string() + ": " + errno_text());
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) {
            const std::string why = errno_text();
            ::close(m_fd);
            throw IndexError("cannot lock " + path.string() + ": " + why);
        }
        std::string holder(32, '\0');
        const ssize_t n = ::pread(m_fd, holder.data(), holder.size(), 0);
        holder.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) {
            holder.pop_back();
        }
        if (!wait) {
            ::close(m_fd);
            throw IndexError("another depeches-indexer" +
                             (holder.empty() ? std::string() : " (pid " + holder + ")") +
                             " is writing to " + dir.string() + " (lock " + path.string() +
                             "); wait for it to finish, or run with --wait");
        }
        if (::flock(m_fd, LOCK_EX) != 0) {
            const std::string why = errno_text();
            ::close(m_fd);
            throw IndexError("cannot lock " + path.string() + ": " + why);
        }
    }
    // The pid is only a courtesy for the message above: failing to write it changes nothing.
    const std::string pid = std::to_string(::getpid()) + "\n";
    [[maybe_unused]] const bool noted =
        ::ftruncate(m_fd, 0) == 0 &&
        ::pwrite(m_fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

WriterLock::~WriterLock() {
    if (m_fd >= 0) {
        ::close(m_fd); // releases the flock
    }
}

void check_versions(const Xapian::Database& db, const fs::path& dir) {
    const std::string analysis = db.get_metadata(std::string(k_meta_analysis_version));
    const std::string schema = db.get_metadata(std::string(k_meta_schema_version));
    if (analysis != analysis::k_analysis_version || schema != k_schema_version) {
        throw IndexError("index " + dir.string() + " was built with analysis version '" + analysis +
                         "' and schema version '" + schema + "', but this program uses analysis '" +
                         std::string(analysis::k_analysis_version) + "' and schema '" +
                         std::string(k_schema_version) +
                         "'; rebuild it with: depeches-indexer --db " + dir.string() +
                         " --full SOURCE...");
    }
}

void write_versions(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(k_meta_analysis_version),
                    std::string(analysis::k_analysis_version));
    db.set_metadata(std::string(k_meta_schema_version), std::string(k_schema_version));
}

Xapian::Database open_for_reading(const fs::path& dir) {
    const IndexDirectory layout(dir);
    if (layout.live_generation().empty()) {
        throw IndexError("no index at " + dir.string() +
                         " (build one with: depeches-indexer --db " + dir.string() + " SOURCE...)");
    }
    try {
        Xapian::Database db(layout.path().string());
        check_versions(db, dir);
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir.string() + ": " + e.get_description());
    }
}

} // namespace depeches::index
