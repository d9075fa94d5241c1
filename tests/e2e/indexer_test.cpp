// End to end: depeches-indexer's command line, exit statuses, reports and incremental runs.
#include <fcntl.h>
#include <fstream>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/e2e/process.hpp"

namespace depeches::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json summary_of(const RunResult& run) {
    const json summary = json::parse(run.out, nullptr, false);
    EXPECT_TRUE(summary.is_object()) << run.out << run.err;
    return summary;
}

TEST(Indexer, RejectsUsageErrorsWithStatus2) {
    TempDir dir;
    const std::vector<std::vector<std::string>> bad{
        {},
        {"--db"},
        {"--db", (dir.path() / "i").string()},
        {"--db", (dir.path() / "i").string(), "--frobnicate", "x"},
    };
    for (const auto& args : bad) {
        std::vector<std::string> argv{binary("depeches-indexer")};
        argv.insert(argv.end(), args.begin(), args.end());
        const RunResult run = run_process(argv);
        EXPECT_EQ(run.status, 2) << run.err;
        EXPECT_NE(run.err.find("usage:"), std::string::npos);
    }
    const RunResult missing =
        run_process({binary("depeches-indexer"), "--db", (dir.path() / "i").string(),
                     (dir.path() / "missing").string()});
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("no such file or directory"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(dir.path() / "i" / "XAPIANDB"));
    EXPECT_EQ(run_process({binary("depeches-indexer"), "--version"}).status, 0);
    EXPECT_EQ(run_process({binary("depeches-indexer"), "--help"}).status, 0);
}

TEST(Indexer, IndexesTheCorpusThenSkipsWhatDidNotChange) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const RunResult first = index_into(db, {source_path("corpus").string()});
    ASSERT_EQ(first.status, 0) << first.err;
    // corpus/: 4 plain-text dispatches and 4 NewsML-G2/NITF items in newsml/.
    const json a = summary_of(first);
    EXPECT_EQ(a["added"], 8);
    EXPECT_EQ(a["documents"], 8);
    EXPECT_TRUE(a["rejected"].empty());
    const json b = summary_of(index_into(db, {source_path("corpus").string()}));
    EXPECT_EQ(b["added"], 0);
    EXPECT_EQ(b["updated"], 0);
    EXPECT_EQ(b["deleted"], 0);
    EXPECT_EQ(b["unchanged"], 8);
    EXPECT_EQ(b["mode"], "incremental");
}

TEST(Indexer, FollowsAddedChangedAndRemovedFiles) {
    TempDir dir;
    const fs::path src = dir.path() / "src";
    const fs::path db = dir.path() / "index";
    write_file(src / "a.txt", "Premier titre\nL'armée avance vers Alep.\n");
    write_file(src / "b.txt", "Deuxième titre\nLes négociations reprennent à Genève.\n");
    ASSERT_EQ(summary_of(index_into(db, {src.string()}))["added"], 2);

    write_file(src / "b.txt", "Deuxième titre\nLes négociations échouent à Genève.\n");
    write_file(src / "sub/c.txt", "Troisième titre\nUn cessez-le-feu est annoncé.\n");
    fs::remove(src / "a.txt");
    const json s = summary_of(index_into(db, {src.string()}));
    EXPECT_EQ(s["added"], 1);
    EXPECT_EQ(s["updated"], 1);
    EXPECT_EQ(s["deleted"], 1);
    EXPECT_EQ(s["documents"], 2);

    Xapian::Database index(db.string());
    EXPECT_FALSE(index.term_exists("Qa"));
    EXPECT_TRUE(index.term_exists("Qsub/c"));
}

TEST(Indexer, ListsRejectedLinesAndIndexesTheRest) {
    TempDir dir;
    const fs::path feed = dir.path() / "feed.jsonl";
    write_file(feed, "{\"id\":\"ok-1\",\"title\":\"Alep\",\"body\":\"Texte.\"}\n"
                     "{\"id\": \"broken\", \"title\": \n"
                     "[1, 2]\n"
                     "{\"title\":\"sans id\",\"body\":\"x\"}\n"
                     "{\"id\":\"ok-2\",\"title\":\"Genève\",\"body\":\"Texte.\"}\n");
    const RunResult run = index_into(dir.path() / "index", {feed.string()});
    EXPECT_EQ(run.status, 3) << run.err;
    const json s = summary_of(run);
    EXPECT_EQ(s["added"], 2);
    ASSERT_EQ(s["rejected"].size(), 3U);
    EXPECT_EQ(s["rejected"][0]["line"], 2);
    EXPECT_EQ(s["rejected"][2]["line"], 4);
    EXPECT_NE(run.err.find(feed.string() + ":2: rejected:"), std::string::npos) << run.err;
}

TEST(Indexer, ReadsJsonLinesFromStandardInput) {
    TempDir dir;
    const RunResult run =
        index_into(dir.path() / "index", {"-"}, {},
                   "{\"id\":\"1\",\"title\":\"A\",\"date\":\"2016-12-08\",\"body\":\"x\"}\n"
                   "{\"id\":\"1\",\"title\":\"B\",\"body\":\"y\"}\n");
    ASSERT_EQ(run.status, 0) << run.err;
    const json s = summary_of(run);
    EXPECT_EQ(s["documents"], 1);
    ASSERT_EQ(s["warnings"].size(), 1U); // the same id twice: the later one wins
    EXPECT_NE(s["warnings"][0]["reason"].get<std::string>().find("later one wins"),
              std::string::npos);
}

/// JSON Lines of dispatches d<first> to d<last - 1>, each body "<version> <n>".
std::string numbered_dispatches(int first, int last, const std::string& version) {
    std::string lines;
    for (int i = first; i < last; ++i) {
        const std::string n = std::to_string(i);
        lines
            .append(json{{"id", std::string("d").append(n)},
                         {"title", "Dépêche"},
                         {"body", std::string(version).append(" ").append(n)}}
                        .dump())
            .append("\n");
    }
    return lines;
}

/// Checks that `db` holds d0 to d<count - 1> once each, and returns the body of `id`.
std::string check_numbered(const fs::path& db, int count, const std::string& id) {
    const Xapian::Database index(db.string());
    EXPECT_EQ(index.get_doccount(), static_cast<Xapian::doccount>(count));
    for (int i = 0; i < count; ++i) {
        EXPECT_EQ(index.get_termfreq(std::string("Qd").append(std::to_string(i))), 1U) << i;
    }
    const Xapian::docid docid = *index.postlist_begin(std::string("Q").append(id));
    return json::parse(index.get_document(docid).get_data())["body"].get<std::string>();
}

TEST(Indexer, WritesOutLargeRunsAsItGoesWithoutLosingAny) {
    // Writers write their documents out every thousand (XAPIAN_FLUSH_THRESHOLD): in a rebuild
    // shard, and in an incremental run's transaction, uncommitted. Thousands of dispatches,
    // and an id whose later version replaces one already written out, lose nothing.
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const RunResult rebuild =
        index_into(db, {"-"}, {"--full"},
                   numbered_dispatches(0, 5000, "première") + numbered_dispatches(0, 1, "seconde"));
    ASSERT_EQ(rebuild.status, 0) << rebuild.err;
    EXPECT_EQ(summary_of(rebuild)["documents"], 5000);
    EXPECT_EQ(check_numbered(db, 5000, "d0"), "seconde 0");

    const RunResult update = index_into(db, {"-"}, {},
                                        numbered_dispatches(5000, 7500, "première") +
                                            numbered_dispatches(1, 2, "seconde") +
                                            numbered_dispatches(5000, 5001, "seconde"));
    ASSERT_EQ(update.status, 0) << update.err;
    const json s = summary_of(update);
    EXPECT_EQ(s["mode"], "incremental");
    EXPECT_EQ(s["documents"], 7500);
    EXPECT_EQ(check_numbered(db, 7500, "d1"), "seconde 1");
    EXPECT_EQ(check_numbered(db, 7500, "d5000"), "seconde 5000");
}

TEST(Indexer, StopsWithAClearMessageWhenAnotherIndexerHoldsTheLock) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {source_path("corpus").string()}).status, 0);
    const int fd = ::open((db / "writer.lock").c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    const RunResult run = index_into(db, {source_path("corpus").string()});
    ::close(fd);
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("writer.lock"), std::string::npos) << run.err;
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 8U);
}

TEST(Indexer, RefusesToWriteIntoAFolderThatIsNotAnIndex) {
    TempDir dir;
    write_file(dir.path() / "notes" / "important.txt", "ne pas effacer");
    const RunResult run = index_into(dir.path() / "notes", {source_path("corpus").string()});
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("not a D"), std::string::npos) << run.err;
    EXPECT_TRUE(fs::exists(dir.path() / "notes" / "important.txt"));
}

TEST(Indexer, FullRebuildSwitchesToAFreshGeneration) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {source_path("corpus").string()}).status, 0);
    const json s = summary_of(
        index_into(db, {"-"}, {"--full"}, "{\"id\":\"only\",\"title\":\"T\",\"body\":\"x\"}\n"));
    EXPECT_EQ(s["mode"], "rebuild");
    EXPECT_EQ(s["added"], 1);
    EXPECT_EQ(s["deleted"], 8);
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 1U);
}

TEST(Indexer, KeepsTheNewestVersionOfANewsmlItem) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const fs::path samples = source_path("tests/data/newsml");
    const std::string guid = "urn:newsml:depeches.example:20161215:SYR-ALEP-EVAC";
    const auto headline = [&] {
        Xapian::Database index(db.string());
        const auto post = index.postlist_begin("Q" + guid);
        return json::parse(index.get_document(*post).get_data())["title"].get<std::string>();
    };
    // Version 2 replaces version 1.
    ASSERT_EQ(index_into(db, {(samples / "newsitem_v1.xml").string()}).status, 0);
    EXPECT_EQ(headline(), "Syrie : les premiers bus quittent les quartiers rebelles d'Alep");
    const json update = summary_of(index_into(db, {(samples / "newsitem_v2.xml").string()}));
    EXPECT_EQ(update["updated"], 1);
    EXPECT_EQ(headline(), "Syrie : les premiers convois d'évacuation quittent Alep-Est");
    // Version 1 arriving late never replaces version 2, in the index or in the same run.
    const RunResult late = index_into(db, {(samples / "newsitem_v1.xml").string()});
    EXPECT_EQ(late.status, 0);
    EXPECT_NE(late.err.find("older than the version in the index"), std::string::npos) << late.err;
    EXPECT_EQ(headline(), "Syrie : les premiers convois d'évacuation quittent Alep-Est");
    fs::create_directories(dir.path() / "both");
    fs::copy_file(samples / "newsitem_v2.xml", dir.path() / "both" / "a_v2.xml");
    fs::copy_file(samples / "newsitem_v1.xml", dir.path() / "both" / "b_v1.xml");
    const RunResult both = index_into(dir.path() / "fresh", {(dir.path() / "both").string()});
    EXPECT_EQ(both.status, 0) << both.err;
    EXPECT_NE(both.err.find("is older than version 2"), std::string::npos) << both.err;
}

TEST(Indexer, RejectsHostileXmlWithoutHarm) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    const fs::path samples = source_path("tests/data/newsml");
    const RunResult run = index_into(db, {samples.string()});
    EXPECT_EQ(run.status, 3) << run.err; // malformed and truncated files are rejected…
    const json s = summary_of(run);
    EXPECT_GE(s["rejected"].size(), 2U);
    EXPECT_GE(s["added"], 5); // …and the rest is indexed, the hostile ones included, harmless
    EXPECT_EQ(run.err.find("root:"), std::string::npos);
}

TEST(Searchd, RefusesAnIndexBuiltWithAnotherAnalysisVersion) {
    TempDir dir;
    const fs::path db = dir.path() / "index";
    ASSERT_EQ(index_into(db, {source_path("corpus").string()}).status, 0);
    {
        Xapian::WritableDatabase writable(db.string(), Xapian::DB_OPEN);
        writable.set_metadata("depeches.analysis_version", "fr-0");
        writable.commit();
    }
    const RunResult run =
        run_process({binary("depeches-searchd"), "--db", db.string(), "--listen", "127.0.0.1:0"});
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("analysis version 'fr-0'"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("--full"), std::string::npos) << run.err;
}

} // namespace
} // namespace depeches::testing
