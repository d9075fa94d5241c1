// Watch mode. One inotify descriptor watches every directory under the sources (new ones are
// added as they appear) and a signalfd takes SIGTERM/SIGINT, so one poll() waits for both.
// Changed paths gather into a batch, flushed once the folder has been quiet for
// k_quiet_period (or k_max_batch_delay after the first change): one incremental run, one commit.
#include "indexer/cli/watch.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <poll.h>
#include <set>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "indexer/cli/indexing_run.hpp"
#include "indexer/index/index_store.hpp"

namespace depeches::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// A batch is flushed once nothing changed for this long…
constexpr auto k_quiet_period = std::chrono::milliseconds(300);
/// …or this long after its first change, whichever comes first.
constexpr auto k_max_batch_delay = std::chrono::seconds(2);

constexpr std::uint32_t k_watch_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                       IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

/// What the directories under watch say, gathered between two batches.
struct Batch {
    std::set<fs::path> changed; ///< files written or moved in
    std::set<fs::path> removed; ///< files or directories deleted or moved out
    Clock::time_point first{};
    Clock::time_point last{};
    [[nodiscard]] bool empty() const { return changed.empty() && removed.empty(); }
};

class Watcher {
public:
    Watcher(const Options& options, std::ostream& out, std::ostream& err)
        : m_options(options), m_out(out), m_err(err) {}

    ~Watcher() {
        for (const int fd : {m_inotify, m_signals}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    int run();

private:
    bool start();
    /// Watches `dir`, and the directories below it when `recursive`.
    void watch_tree(const fs::path& dir, bool recursive = true);
    void read_events(Batch& batch);
    void flush(Batch& batch);
    /// The watched source root that `path` is under (for ids), or empty.
    [[nodiscard]] fs::path root_of(const fs::path& path) const;
    void report(const RunReport& report);

    const Options& m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    int m_inotify = -1;
    int m_signals = -1;
    std::shared_ptr<index::WriterLock> m_lock;
    std::vector<fs::path> m_roots;     ///< source directories, absolute
    std::set<fs::path> m_files;        ///< file sources, absolute (their parent is watched)
    std::map<int, fs::path> m_watched; ///< inotify watch descriptor → directory
};

int Watcher::run() {
    if (!start()) {
        return k_exit_failure;
    }
    Batch batch;
    while (true) {
        int timeout_ms = -1;
        if (!batch.empty()) {
            const auto now = Clock::now();
            const auto due = std::min(batch.last + k_quiet_period, batch.first + k_max_batch_delay);
            timeout_ms = static_cast<int>(std::max<long>(
                0, std::chrono::duration_cast<std::chrono::milliseconds>(due - now).count()));
        }
        pollfd fds[2] = {{m_signals, POLLIN, 0}, {m_inotify, POLLIN, 0}};
        const int ready = ::poll(fds, 2, timeout_ms);
        if (ready < 0 && errno != EINTR) {
            m_err << "depeches-indexer: poll failed: " << std::strerror(errno) << "\n";
            return k_exit_failure;
        }
        if ((fds[0].revents & POLLIN) != 0) {
            signalfd_siginfo info{};
            [[maybe_unused]] const ssize_t n = ::read(m_signals, &info, sizeof info);
            flush(batch); // what already landed is indexed before stopping
            m_err << "depeches-indexer: stopped\n";
            return k_exit_ok;
        }
        if ((fds[1].revents & POLLIN) != 0) {
            read_events(batch);
        }
        const auto now = Clock::now();
        if (!batch.empty() &&
            (now >= batch.last + k_quiet_period || now >= batch.first + k_max_batch_delay)) {
            flush(batch);
        }
    }
}

bool Watcher::start() {
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    m_signals = ::signalfd(-1, &stop_signals, SFD_CLOEXEC);
    m_inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_signals < 0 || m_inotify < 0) {
        m_err << "depeches-indexer: cannot watch: " << std::strerror(errno) << "\n";
        return false;
    }
    try {
        index::IndexDirectory(m_options.db).prepare_for_writing();
        m_lock = std::make_shared<index::WriterLock>(m_options.db, m_options.wait);
        std::vector<Source> sources;
        for (const std::string& argument : m_options.sources) {
            sources.push_back(resolve_source(argument));
            const fs::path absolute = sources.back().absolute;
            if (sources.back().is_directory) {
                m_roots.push_back(absolute);
                watch_tree(absolute);
            } else {
                m_files.insert(absolute);
                watch_tree(absolute.parent_path(), false);
            }
        }
        // Watches are in place before the first run, so nothing landing meanwhile is missed.
        ProgressBar progress(m_err, false);
        report(run_once(m_options.db, sources, {}, {false, false, m_lock}, progress));
    } catch (const UsageError& e) {
        m_err << "depeches-indexer: " << e.what() << "\n";
        return false;
    } catch (const index::IndexError& e) {
        m_err << "depeches-indexer: " << e.what() << "\n";
        return false;
    } catch (const Xapian::Error& e) {
        m_err << "depeches-indexer: index error: " << e.get_description() << "\n";
        return false;
    }
    m_err << "depeches-indexer: watching " << m_watched.size() << " folder(s); SIGTERM stops\n";
    return true;
}

void Watcher::watch_tree(const fs::path& dir, bool recursive) {
    const int wd = ::inotify_add_watch(m_inotify, dir.c_str(), k_watch_mask);
    if (wd < 0) {
        m_err << "depeches-indexer: cannot watch " << dir.string() << ": " << std::strerror(errno)
              << "\n";
        return;
    }
    m_watched[wd] = dir;
    if (!recursive) {
        return;
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_directory(ec) && !entry.is_symlink(ec) &&
            !is_hidden_name(entry.path().filename().string())) {
            watch_tree(entry.path());
        }
    }
}

void Watcher::read_events(Batch& batch) {
    alignas(inotify_event) char buffer[64 * 1024];
    while (true) {
        const ssize_t n = ::read(m_inotify, buffer, sizeof buffer);
        if (n <= 0) {
            return; // EAGAIN: drained
        }
        for (ssize_t offset = 0; offset < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            const auto dir = m_watched.find(event->wd);
            if ((event->mask & IN_IGNORED) != 0U) {
                m_watched.erase(event->wd);
                continue;
            }
            if (dir == m_watched.end() || event->len == 0 || is_hidden_name(event->name)) {
                continue;
            }
            const fs::path path = dir->second / event->name;
            const bool is_dir = (event->mask & IN_ISDIR) != 0U;
            if ((event->mask & (IN_DELETE | IN_MOVED_FROM)) != 0U) {
                batch.removed.insert(path);
                batch.changed.erase(path);
            } else if (is_dir && (event->mask & (IN_CREATE | IN_MOVED_TO)) != 0U) {
                watch_tree(path); // and what is already in it
                for (const auto& entry : fs::recursive_directory_iterator(
                         path, fs::directory_options::skip_permission_denied)) {
                    batch.changed.insert(entry.path());
                }
            } else if ((event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) != 0U) {
                batch.changed.insert(path);
                batch.removed.erase(path);
            } else {
                continue;
            }
            const auto now = Clock::now();
            if (batch.first == Clock::time_point{}) {
                batch.first = now;
            }
            batch.last = now;
        }
    }
}

fs::path Watcher::root_of(const fs::path& path) const {
    for (const fs::path& root : m_roots) {
        const std::string r = root.string() + "/";
        if (path.string().rfind(r, 0) == 0) {
            return root;
        }
    }
    return m_files.count(path) > 0 ? path.parent_path() : fs::path();
}

void Watcher::flush(Batch& batch) {
    if (batch.empty()) {
        return;
    }
    std::vector<Source> sources;
    for (const fs::path& path : batch.changed) {
        const fs::path root = root_of(path);
        if (root.empty()) {
            continue;
        }
        if (std::optional<Source> source = file_under_root(root, path)) {
            sources.push_back(std::move(*source));
        }
    }
    std::vector<std::string> removed;
    for (const fs::path& path : batch.removed) {
        if (!root_of(path).empty()) {
            removed.push_back(path.string());
        }
    }
    Batch pending = std::move(batch);
    batch = Batch{};
    if (sources.empty() && removed.empty()) {
        return;
    }
    std::string failure;
    try {
        ProgressBar progress(m_err, false);
        report(run_once(m_options.db, sources, removed, {false, false, m_lock}, progress));
        return;
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (const Xapian::Error& e) {
        failure = e.get_description();
    }
    // Nothing of the batch was written: it is tried again with the next one.
    m_err << "depeches-indexer: batch failed, nothing changed, will retry: " << failure << "\n";
    batch.changed.insert(pending.changed.begin(), pending.changed.end());
    batch.removed.insert(pending.removed.begin(), pending.removed.end());
    batch.first = batch.last = Clock::now();
}

void Watcher::report(const RunReport& report) {
    print_summary(m_err, report, m_options.db.string());
    if (m_options.json) {
        print_json_summary(m_out, report);
        m_out.flush();
    }
}

} // namespace

int run_watch(const Options& options, std::ostream& out, std::ostream& err) {
    return Watcher(options, out, err).run();
}

} // namespace depeches::cli
