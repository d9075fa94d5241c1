// End-to-end: depeches-learn writes word associations from dispatches with headlines, or from a
// thesaurus, and depeches-searchd --associations ranks with them.
#include <csignal>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/process.hpp"

namespace depeches::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

/// JSON Lines of dispatches: six whose headline says "meurt" and body "décédé", among others
/// on other matters enough that neither word is common.
std::string archive() {
    std::string lines;
    const char* places[] = {"Lyon", "Brest", "Nice", "Metz", "Pau", "Sète"};
    for (int i = 0; i < 6; ++i) {
        const std::string place = places[i];
        lines += json{{"id", "mort-" + place},
                      {"title", "Un homme meurt à " + place},
                      {"body", "Un homme est décédé à " + place + " samedi soir."}}
                     .dump() +
                 "\n";
    }
    for (int i = 0; i < 120; ++i) {
        const std::string n = std::to_string(i);
        lines += json{{"id", "autre-" + n},
                      {"title", "Sujet " + n + " du jour"},
                      {"abstract", "Le point " + n + " en bref."},
                      {"body", "Le dossier " + n + " avance, dit la mairie."}}
                     .dump() +
                 "\n";
    }
    return lines;
}

/// The ids the daemon listening on `port` gives for `query`.
std::vector<std::string> ids_from(int port, const std::string& query) {
    httplib::Client client("127.0.0.1", port);
    const httplib::Result res =
        client.Get("/api/v1/search", httplib::Params{{"q", query}, {"snippet", "0"}}, {});
    std::vector<std::string> ids;
    if (!res || res->status != 200) {
        ADD_FAILURE() << "no answer: " << (res ? res->body : httplib::to_string(res.error()));
        return ids;
    }
    const json answer = json::parse(res->body);
    for (const json& hit : answer["hits"]) {
        ids.push_back(hit["id"].get<std::string>());
    }
    return ids;
}

/// The ids depeches-searchd gives for `query` over `db`, with `options`.
std::vector<std::string> ids_for(const std::string& db, const std::string& query,
                                 const std::vector<std::string>& options) {
    std::vector<std::string> argv{
        binary("depeches-searchd"), "--db", db, "--listen", "127.0.0.1:0", "--no-words"};
    argv.insert(argv.end(), options.begin(), options.end());
    Process daemon(argv);
    const auto line = daemon.read_line(10s);
    if (!line) {
        ADD_FAILURE() << daemon.error_output();
        return {};
    }
    std::vector<std::string> ids = ids_from(std::stoi(line->substr(line->rfind(':') + 1)), query);
    daemon.send_signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0);
    return ids;
}

TEST(Learn, WritesTheAssociationsSearchdRanksWith) {
    TempDir dir;
    const std::string table = (dir.path() / "associations").string();
    // A line that is not JSON is reported with its place, and the rest is learned from.
    const RunResult learned =
        run_process({binary("depeches-learn"), "--out", table, "-"}, archive() + "{not json\n");
    ASSERT_EQ(learned.status, 0) << learned.err;
    EXPECT_NE(learned.err.find("-:127:"), std::string::npos) << learned.err;
    EXPECT_NE(learned.err.find("246 pairs of summary and body from 126 dispatches"),
              std::string::npos)
        << learned.err;

    write_file(dir.path() / "corpus" / "deces.txt",
               "Point sur Quimper\n\nUn cycliste est décédé samedi à Quimper.\n");
    write_file(dir.path() / "corpus" / "vu.txt",
               "Point sur Quimper\n\nUn cycliste vu samedi à Quimper.\n");
    const std::string db = (dir.path() / "index").string();
    ASSERT_EQ(index_into(db, {(dir.path() / "corpus").string()}).status, 0);
    EXPECT_EQ(ids_for(db, "un cycliste meurt à Quimper", {}),
              (std::vector<std::string>{"vu", "deces"}));
    EXPECT_EQ(ids_for(db, "un cycliste meurt à Quimper", {"--associations", table}),
              (std::vector<std::string>{"deces", "vu"}));
}

/// Text dispatches under `dir`/corpus: suspects "relâchés" at Quimper, others "vus" there,
/// and 18 on other matters, so that a word's share of the archive is that of a real one.
void write_quimper_archive(const std::filesystem::path& dir) {
    write_file(dir / "corpus" / "relaches.txt",
               "Point sur Quimper\n\nDeux suspects ont été relâchés samedi à Quimper.\n");
    write_file(dir / "corpus" / "vus.txt",
               "Point sur Quimper\n\nDeux suspects vus samedi à Quimper.\n");
    for (int i = 0; i < 18; ++i) {
        write_file(dir / "corpus" / ("port-" + std::to_string(i) + ".txt"),
                   "Point sur Brest\n\nLe port de Brest rouvre le quai " + std::to_string(i) +
                       ".\n");
    }
}

/// A thesaurus in which "libérer" means "relâcher".
constexpr const char* k_liberer_thesaurus =
    "UTF-8\nlibérer|1\n(Verbe)|relâcher|délivrer|élargir (vieilli)\n";

TEST(Learn, TakesTheAssociationsOfAnArchiveWithoutHeadlinesFromAThesaurus) {
    TempDir dir;
    write_quimper_archive(dir.path());
    const std::string thesaurus = (dir.path() / "thesaurus.dat").string();
    write_file(thesaurus, k_liberer_thesaurus);
    const std::string table = (dir.path() / "associations").string();
    const RunResult learned = run_process({binary("depeches-learn"), "--thesaurus", thesaurus,
                                           "--out", table, (dir.path() / "corpus").string()});
    ASSERT_EQ(learned.status, 0) << learned.err;
    EXPECT_NE(learned.err.find("1 thesaurus entries over the words of 20 bodies"),
              std::string::npos)
        << learned.err;

    const std::string db = (dir.path() / "index").string();
    ASSERT_EQ(index_into(db, {(dir.path() / "corpus").string()}).status, 0);
    EXPECT_EQ(ids_for(db, "suspects libérés à Quimper", {}),
              (std::vector<std::string>{"vus", "relaches"}));
    EXPECT_EQ(ids_for(db, "suspects libérés à Quimper", {"--associations", table}),
              (std::vector<std::string>{"relaches", "vus"}));

    // A thesaurus it cannot read: exit 1, naming the file and line, and no table.
    const std::string bad = (dir.path() / "bad.dat").string();
    write_file(bad, "UTF-8\nlibérer|2\n(Verbe)|relâcher\n");
    const std::string none = (dir.path() / "none").string();
    for (const auto& [file, message] :
         {std::pair{bad, bad + ": line 3: the file ends before the 2 meanings"},
          std::pair{bad + ".none", "cannot read the thesaurus " + bad + ".none"},
          std::pair{dir.path().string(), "cannot read the thesaurus " + dir.path().string()}}) {
        const RunResult run = run_process({binary("depeches-learn"), "--thesaurus", file, "--out",
                                           none, (dir.path() / "corpus").string()});
        EXPECT_EQ(run.status, 1);
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_FALSE(std::filesystem::exists(none));
    }
    EXPECT_EQ(run_process({binary("depeches-learn"), "--out", none, "--thesaurus"}).status, 2);
}

/// Waits up to 10 s for `said` to be in the standard error of `daemon` `times` times; whether
/// it was.
bool waits_for(const Process& daemon, const std::string& said, int times = 1) {
    for (int i = 0; i < 200; ++i) {
        const std::string err = daemon.error_output();
        int found = 0;
        for (auto at = err.find(said); at != std::string::npos; at = err.find(said, at + 1)) {
            ++found;
        }
        if (found >= times) {
            return true;
        }
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

TEST(Learn, SearchdRanksWithTheAssociationsWrittenAgainWithoutARestart) {
    TempDir dir;
    write_quimper_archive(dir.path());
    const std::string db = (dir.path() / "index").string();
    ASSERT_EQ(index_into(db, {(dir.path() / "corpus").string()}).status, 0);
    const std::string corpus = (dir.path() / "corpus").string();
    const std::string table = (dir.path() / "associations").string();
    const auto learn = [&](const std::string& thesaurus_text) {
        const std::string thesaurus = (dir.path() / "thesaurus.dat").string();
        write_file(thesaurus, thesaurus_text);
        const RunResult learned = run_process(
            {binary("depeches-learn"), "--thesaurus", thesaurus, "--out", table, corpus});
        EXPECT_EQ(learned.status, 0) << learned.err;
    };
    // A thesaurus that knows nothing of "libérer" first.
    learn("UTF-8\nport|1\n(Nom)|havre\n");
    Process daemon({binary("depeches-searchd"), "--db", db, "--listen", "127.0.0.1:0", "--no-words",
                    "--associations", table});
    const auto line = daemon.read_line(10s);
    ASSERT_TRUE(line) << daemon.error_output();
    const int port = std::stoi(line->substr(line->rfind(':') + 1));
    const std::string query = "suspects libérés à Quimper";
    EXPECT_EQ(ids_from(port, query), (std::vector<std::string>{"vus", "relaches"}));

    // Learned again, with "libérer" for "relâcher": the running daemon reads the new table.
    learn(k_liberer_thesaurus);
    ASSERT_TRUE(waits_for(daemon, "read the associations of " + table + " again"))
        << daemon.error_output();
    EXPECT_EQ(ids_from(port, query), (std::vector<std::string>{"relaches", "vus"}));

    // A file that is not a table, then no file: said, and the daemon ranks as before.
    const std::string partial = table + ".partial";
    write_file(partial, "depeches-associations 1\npairs 3\nb mot 4 0.5\n");
    std::filesystem::rename(partial, table);
    EXPECT_TRUE(waits_for(daemon, table + ": line 3: a translation"));
    EXPECT_NE(daemon.error_output().find("still ranking with the associations read before"),
              std::string::npos)
        << daemon.error_output();
    std::filesystem::remove(table);
    EXPECT_TRUE(waits_for(daemon, "cannot read the associations file " + table))
        << daemon.error_output();
    // A named pipe nobody writes to is not waited on (the daemon would not stop).
    ASSERT_EQ(::mkfifo(table.c_str(), 0600), 0);
    EXPECT_TRUE(waits_for(daemon, "cannot read the associations file " + table, 2))
        << daemon.error_output();
    EXPECT_EQ(ids_from(port, query), (std::vector<std::string>{"relaches", "vus"}));

    daemon.send_signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0);
}

TEST(Learn, RefusesWhatItCannotUse) {
    TempDir dir;
    EXPECT_EQ(run_process({binary("depeches-learn"), "-"}).status, 2); // no --out
    EXPECT_EQ(run_process({binary("depeches-learn"), "--out", (dir.path() / "t").string()}).status,
              2); // no source
    const RunResult missing = run_process(
        {binary("depeches-learn"), "--out", (dir.path() / "t").string(), "/nonexistent/x.jsonl"});
    EXPECT_EQ(missing.status, 2);
    // Nothing to learn from: no table is written, rather than one the daemon would refuse.
    const RunResult empty =
        run_process({binary("depeches-learn"), "--out", (dir.path() / "t").string(), "-"},
                    "{\"id\": \"a\", \"title\": \"\", \"body\": \"Un texte.\"}\n");
    EXPECT_EQ(empty.status, 1);
    EXPECT_NE(empty.err.find("nothing to learn from"), std::string::npos) << empty.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "t"));
    // Too small an archive: a valid table that changes nothing, and a warning.
    const RunResult seeds =
        run_process({binary("depeches-learn"), "--out", (dir.path() / "t").string(),
                     source_path("corpus").string()});
    EXPECT_EQ(seeds.status, 0) << seeds.err;
    EXPECT_NE(seeds.err.find("nothing was learned"), std::string::npos) << seeds.err;

    // depeches-searchd stops, naming the file, on an associations file it cannot use.
    const std::string db = (dir.path() / "index").string();
    ASSERT_EQ(index_into(db, {source_path("corpus").string()}).status, 0);
    const std::string bad = (dir.path() / "bad").string();
    write_file(bad, "depeches-associations 1\npairs 3\nb mot 4 0.5\n");
    for (const auto& [file, message] :
         {std::pair{bad, bad + ": line 3: a translation"},
          std::pair{bad + ".none", "cannot read the associations file " + bad + ".none"}}) {
        const RunResult run = run_process({binary("depeches-searchd"), "--db", db, "--listen",
                                           "127.0.0.1:0", "--associations", file});
        EXPECT_EQ(run.status, 1);
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    }
}

} // namespace
} // namespace depeches::testing
