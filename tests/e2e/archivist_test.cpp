// End to end, the archivist's workflow: incremental runs, live updates seen by the running
// daemon, full rebuilds under search load, killed and concurrent indexers, watch mode.
#include <atomic>
#include <csignal>
#include <fstream>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/e2e/process.hpp"

namespace depeches::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

/// JSON Lines of `count` dispatches "<prefix>-<i>", each with the word `marker` and a word of
/// its own ("<prefix>uniq<i>").
std::string dispatch_lines(const std::string& prefix, int count, const std::string& marker) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        lines += json{{"id", prefix + "-" + n},
                      {"title", "Dépêche " + n + " " + marker},
                      {"date", "2016-12-08"},
                      {"body", "Texte de la dépêche " + prefix + "uniq" + n + " sur " + marker +
                                   " et l'armée syrienne à Alep."}}
                     .dump() +
                 "\n";
    }
    return lines;
}

Xapian::doccount count_in(const fs::path& db) {
    return Xapian::Database(db.string()).get_doccount();
}

/// A running depeches-searchd on port 0.
class Daemon {
public:
    explicit Daemon(const fs::path& db)
        : m_process({binary("depeches-searchd"), "--db", db.string(), "--listen", "127.0.0.1:0"}) {
        const auto line = m_process.read_line(10s);
        if (!line || line->rfind("listening on http://127.0.0.1:", 0) != 0) {
            throw std::runtime_error("searchd did not start: " + m_process.error_output());
        }
        m_port = std::stoi(line->substr(line->rfind(':') + 1));
    }
    ~Daemon() {
        m_process.send_signal(SIGTERM);
        m_process.wait(10s);
    }
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    /// GET, returning the status (0 when the request failed) and the parsed body.
    std::pair<int, json> get(const std::string& path) const {
        httplib::Client client("127.0.0.1", m_port);
        client.set_read_timeout(10, 0);
        const httplib::Result res = client.Get(path);
        if (!res) {
            return {0, json()};
        }
        return {res->status, json::parse(res->body, nullptr, false)};
    }

    /// Number of hits for `query` (-1 on a failed request), on a new connection or `client`.
    long total(const std::string& query, httplib::Client* client = nullptr) const {
        const std::string path = "/api/v1/search?snippet=0&op=and&q=" + query;
        if (client == nullptr) {
            const auto [status, body] = get(path);
            return status == 200 ? body.value("total", -1L) : -1;
        }
        const httplib::Result res = client->Get(path);
        if (!res || res->status != 200) {
            return -1;
        }
        return json::parse(res->body, nullptr, false).value("total", -1L);
    }

    [[nodiscard]] int port() const { return m_port; }

    /// Waits until `total(query) == expected`; the time it took, or nothing after 10 s.
    std::optional<std::chrono::milliseconds> wait_for(const std::string& query,
                                                      long expected) const {
        const auto start = std::chrono::steady_clock::now();
        while (std::chrono::steady_clock::now() - start < 10s) {
            if (total(query) == expected) {
                return std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - start);
            }
            std::this_thread::sleep_for(20ms);
        }
        return std::nullopt;
    }

private:
    Process m_process;
    int m_port = 0;
};

/// Queries without pause on other threads, each over one keep-alive connection as a real
/// client would, counting every failed answer.
class Load {
public:
    Load(const Daemon& daemon, std::string query, std::set<long> allowed_totals)
        : m_daemon(daemon), m_query(std::move(query)), m_allowed(std::move(allowed_totals)) {
        for (int i = 0; i < 2; ++i) {
            m_threads.emplace_back([this] {
                httplib::Client client("127.0.0.1", m_daemon.port());
                client.set_keep_alive(true);
                client.set_read_timeout(10, 0);
                while (!m_stop) {
                    const long total = m_daemon.total(m_query, &client);
                    ++m_requests;
                    if (total < 0) {
                        ++m_failed;
                    } else if (m_allowed.count(total) == 0) {
                        ++m_partial;
                    }
                }
            });
        }
    }
    ~Load() { stop(); }
    Load(const Load&) = delete;
    Load& operator=(const Load&) = delete;
    void stop() {
        m_stop = true;
        for (std::thread& t : m_threads) {
            if (t.joinable()) {
                t.join();
            }
        }
    }
    long requests() const { return m_requests; }
    long failed() const { return m_failed; }
    long partial() const { return m_partial; }

private:
    const Daemon& m_daemon;
    std::string m_query;
    std::set<long> m_allowed;
    std::atomic<bool> m_stop{false};
    std::atomic<long> m_requests{0};
    std::atomic<long> m_failed{0};
    std::atomic<long> m_partial{0};
    std::vector<std::thread> m_threads;
};

TEST(Archivist, NoOpRunChangesNothing) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    write_file(dir.path() / "src" / "feed.jsonl", dispatch_lines("a", 300, "marqueur"));
    ASSERT_EQ(index_into(db, {(dir.path() / "src").string()}).status, 0);
    const Xapian::rev before = Xapian::Database(db.string()).get_revision();
    const RunResult again = index_into(db, {(dir.path() / "src").string()});
    ASSERT_EQ(again.status, 0) << again.err;
    const json summary = json::parse(again.out);
    EXPECT_EQ(summary["unchanged"], 300);
    EXPECT_EQ(summary["added"], 0);
    EXPECT_EQ(summary["updated"], 0);
    EXPECT_EQ(summary["deleted"], 0);
    EXPECT_EQ(Xapian::Database(db.string()).get_revision(), before); // not even a commit
}

TEST(Archivist, LiveUpdatesAppearWithoutRestartAndNoRequestFails) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const fs::path src = dir.path() / "src";
    write_file(src / "base.jsonl", dispatch_lines("base", 200, "commun"));
    ASSERT_EQ(index_into(db, {src.string()}).status, 0);
    const Daemon daemon(db);
    Load load(daemon, "commun", {200, 201});

    write_file(src / "new.txt", "Nouvelle dépêche commun\nLe mot zorglub apparaît.\n");
    ASSERT_EQ(index_into(db, {src.string()}).status, 0);
    const auto added = daemon.wait_for("zorglub", 1);
    ASSERT_TRUE(added.has_value()) << "a new dispatch never showed";

    write_file(src / "new.txt", "Nouvelle dépêche commun\nLe mot zorglub devient bidulon.\n");
    ASSERT_EQ(index_into(db, {src.string()}).status, 0);
    EXPECT_TRUE(daemon.wait_for("bidulon", 1).has_value()) << "a change never showed";

    fs::remove(src / "new.txt");
    ASSERT_EQ(index_into(db, {src.string()}).status, 0);
    EXPECT_TRUE(daemon.wait_for("zorglub", 0).has_value()) << "a deletion never showed";
    load.stop();
    EXPECT_GT(load.requests(), 0);
    EXPECT_EQ(load.failed(), 0);
    EXPECT_EQ(load.partial(), 0);
}

TEST(Archivist, FullRebuildUnderLoadServesWholeIndexesOnly) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {"-"}, {}, dispatch_lines("old", 1500, "commun")).status, 0);
    const Daemon daemon(db);
    Load load(daemon, "commun", {1500, 2500});
    const RunResult rebuild =
        index_into(db, {"-"}, {"--full"}, dispatch_lines("new", 2500, "commun"));
    ASSERT_EQ(rebuild.status, 0) << rebuild.err;
    EXPECT_TRUE(daemon.wait_for("commun", 2500).has_value());
    std::this_thread::sleep_for(200ms);
    load.stop();
    EXPECT_GT(load.requests(), 10);
    EXPECT_EQ(load.failed(), 0) << "requests failed during the rebuild";
    EXPECT_EQ(load.partial(), 0) << "an answer came from a half-built index";
    EXPECT_EQ(daemon.total("olduniq7"), 0);
}

TEST(Archivist, KilledIndexerLeavesTheLastCommittedState) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {"-"}, {}, dispatch_lines("base", 500, "commun")).status, 0);
    const fs::path big = dir.path() / "big.jsonl";
    write_file(big, dispatch_lines("big", 20000, "massif"));
    for (const bool full : {false, true}) {
        for (const auto delay : {30ms, 150ms, 600ms}) {
            SCOPED_TRACE(std::string(full ? "rebuild" : "incremental") + " killed after " +
                         std::to_string(delay.count()) + " ms");
            std::vector<std::string> argv{binary("depeches-indexer"), "--db", db.string()};
            if (full) {
                argv.push_back("--full");
                argv.push_back("-");
            }
            argv.push_back(big.string());
            Process indexer(argv, full);
            if (full) {
                indexer.write_input(dispatch_lines("base", 500, "commun"));
                indexer.close_input();
            }
            std::this_thread::sleep_for(delay);
            indexer.send_signal(SIGKILL);
            indexer.wait(10s);
            // The index opens and serves what was last committed.
            const Xapian::doccount count = count_in(db);
            EXPECT_EQ(count, 500U);
            EXPECT_TRUE(Xapian::Database(db.string()).term_exists("Qbase-0"));
        }
    }
    // The next run completes the work, and clears what the killed ones left.
    const RunResult rerun = index_into(db, {big.string()});
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    EXPECT_EQ(count_in(db), 20500U);
    for (const auto& entry : fs::directory_iterator(db)) {
        EXPECT_NE(entry.path().extension(), ".build") << "scratch left: " << entry.path();
    }
}

TEST(Archivist, SecondIndexerStopsOrWaitsWithoutHarm) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {"-"}, {}, dispatch_lines("base", 100, "commun")).status, 0);
    // The first indexer holds the lock while it waits for its input.
    Process first({binary("depeches-indexer"), "--db", db.string(), "-"}, true);
    first.write_input(dispatch_lines("first", 50, "commun"));
    std::this_thread::sleep_for(300ms);

    const RunResult refused = index_into(db, {"-"}, {}, dispatch_lines("second", 10, "x"));
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("writer.lock"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--wait"), std::string::npos) << refused.err;

    Process waiting({binary("depeches-indexer"), "--db", db.string(), "--wait", "-"}, true);
    waiting.write_input(dispatch_lines("second", 10, "commun"));
    waiting.close_input();
    EXPECT_FALSE(waiting.wait(500ms).has_value()) << "--wait did not wait";
    first.close_input();
    EXPECT_EQ(first.wait(30s), 0) << first.error_output();
    EXPECT_EQ(waiting.wait(30s), 0) << waiting.error_output();
    EXPECT_EQ(count_in(db), 160U);
}

TEST(Archivist, WatchModeIndexesWhatLandsAndStopsOnSigterm) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const fs::path drop = dir.path() / "drop";
    write_file(drop / "first.txt", "Première dépêche\nLe mot glapir est ici.\n");
    Process watcher(
        {binary("depeches-indexer"), "--db", db.string(), "--watch", "--json", drop.string()});
    const auto first = watcher.read_line(20s); // the first run's summary
    ASSERT_TRUE(first.has_value()) << watcher.error_output();
    EXPECT_EQ(json::parse(*first)["added"], 1);

    // A file written under a hidden name then renamed into place, as careful tools do.
    fs::create_directories(drop / "sub");
    write_file(drop / ".second.txt.part", "Deuxième dépêche\nLe mot frimousse est là.\n");
    fs::rename(drop / ".second.txt.part", drop / "sub" / "second.txt");
    const auto second = watcher.read_line(20s);
    ASSERT_TRUE(second.has_value()) << watcher.error_output();
    EXPECT_EQ(json::parse(*second)["added"], 1);
    EXPECT_TRUE(Xapian::Database(db.string()).term_exists("Qsub/second"));

    fs::remove(drop / "first.txt");
    const auto third = watcher.read_line(20s);
    ASSERT_TRUE(third.has_value()) << watcher.error_output();
    EXPECT_EQ(json::parse(*third)["deleted"], 1);
    EXPECT_EQ(count_in(db), 1U);

    watcher.send_signal(SIGTERM);
    EXPECT_EQ(watcher.wait(10s), 0) << watcher.error_output();
}

} // namespace
} // namespace depeches::testing
