// End to end: the real depeches-indexer builds an index of corpus/ plus hostile dispatches,
// the real depeches-searchd serves it on 127.0.0.1 port 0, and we talk HTTP to it.
#include <algorithm>
#include <cctype>
#include <csignal>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/process.hpp"

namespace depeches::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

/// Dispatches with markup, odd ids and no date, and two copies of one text, beside the seeds.
const char* const k_extra_dispatches =
    R"({"id":"xss-1","title":"Test <script>alert(1)</script>","date":"2016-12-09","body":"Texte avec <script>window.x=1</script> et <img src=x onerror=alert(1)> sur l'armée."})"
    "\n"
    R"({"id":"dossier/2016/paix","title":"Négociations de paix","date":"2016-09-04T10:00:00Z","abstract":"Reprise des pourparlers en Suisse, à Genève.","body":"Les négociations de paix reprennent à Genève."})"
    "\n"
    R"({"id":"col-1","title":"Convoi au Lautaret","date":"2016-10-02","body":"Le convoi a franchi le col du Lautaret."})"
    "\n"
    R"({"id":"col-2","title":"LE CONVOI AU LAUTARET","date":"2016-10-03","body":"LE CONVOI A FRANCHI LE COL DU LAUTARET !"})"
    "\n";

class SearchdTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<TempDir>();
        const std::string db = (s_dir->path() / "index").string();
        const RunResult seeds =
            run_process({binary("depeches-indexer"), "--db", db, source_path("corpus").string()});
        ASSERT_EQ(seeds.status, 0) << seeds.err;
        const RunResult extra =
            run_process({binary("depeches-indexer"), "--db", db, "-"}, k_extra_dispatches);
        ASSERT_EQ(extra.status, 0) << extra.err;
        s_daemon = std::make_unique<Process>(
            std::vector<std::string>{binary("depeches-searchd"), "--db", db, "--listen",
                                     "127.0.0.1:0", "--web", source_path("web").string()});
        const auto line = s_daemon->read_line(10s);
        ASSERT_TRUE(line.has_value()) << s_daemon->error_output();
        const std::string prefix = "listening on http://127.0.0.1:";
        ASSERT_EQ(line->rfind(prefix, 0), 0U) << *line;
        s_port = std::stoi(line->substr(prefix.size()));
    }

    static void TearDownTestSuite() {
        if (s_daemon) {
            s_daemon->send_signal(SIGTERM);
            s_daemon->wait(10s);
        }
        s_daemon.reset();
        s_dir.reset();
    }

    static httplib::Result get(const std::string& path) {
        httplib::Client client("127.0.0.1", s_port);
        client.set_read_timeout(10, 0);
        return client.Get(path);
    }

    /// GET `path`, expecting `status` and a JSON body.
    static json get_json(const std::string& path, int status = 200) {
        const httplib::Result res = get(path);
        EXPECT_TRUE(res) << path;
        if (!res) {
            return {};
        }
        EXPECT_EQ(res->status, status) << path << ": " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
        const json body = json::parse(res->body, nullptr, false);
        EXPECT_FALSE(body.is_discarded()) << res->body;
        return body;
    }

    static std::vector<std::string> ids_of(const json& result) {
        std::vector<std::string> ids;
        for (const json& hit : result["hits"]) {
            ids.push_back(hit["id"].get<std::string>());
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<Process> s_daemon;
    static int s_port;
};

std::unique_ptr<TempDir> SearchdTest::s_dir;
std::unique_ptr<Process> SearchdTest::s_daemon;
int SearchdTest::s_port = 0;

TEST_F(SearchdTest, SearchFindsFrenchFormsAndMarksOriginalWords) {
    const json result = get_json("/api/v1/search?q=armee%20syrienne");
    EXPECT_EQ(result["query"], "armee syrienne");
    EXPECT_GE(result["total"].get<int>(), 3);
    ASSERT_FALSE(result["hits"].empty());
    const json& hit = result["hits"][0];
    for (const char* field : {"id", "title", "date", "score", "snippet"}) {
        EXPECT_TRUE(hit.contains(field)) << field;
    }
    const std::string snippet = hit["snippet"];
    EXPECT_NE(snippet.find("arm\u00e9e"), std::string::npos) << snippet; // accents kept
    EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
    EXPECT_TRUE(result["took_ms"].is_number());
}

TEST_F(SearchdTest, SnippetsAreEscapedTextWithOnlyMarks) {
    const json result = get_json("/api/v1/search?q=armee&limit=100");
    bool seen = false;
    for (const json& hit : result["hits"]) {
        const std::string snippet = hit["snippet"];
        std::string without_marks = snippet;
        for (const std::string tag : {"<mark>", "</mark>"}) {
            for (auto pos = without_marks.find(tag); pos != std::string::npos;
                 pos = without_marks.find(tag)) {
                without_marks.erase(pos, tag.size());
            }
        }
        EXPECT_EQ(without_marks.find('<'), std::string::npos) << snippet;
        if (hit["id"] == "xss-1") {
            seen = true;
            EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
        }
    }
    EXPECT_TRUE(seen);
}

TEST_F(SearchdTest, SnippetZeroLeavesSnippetsOut) {
    const json result = get_json("/api/v1/search?q=alep&snippet=0&limit=100");
    ASSERT_FALSE(result["hits"].empty());
    for (const json& hit : result["hits"]) {
        EXPECT_FALSE(hit.contains("snippet"));
    }
}

TEST_F(SearchdTest, CollapseShowsOneHitPerTextWithItsCopiesCounted) {
    const json all = get_json("/api/v1/search?q=lautaret&snippet=0");
    EXPECT_EQ(ids_of(all), (std::vector<std::string>{"col-1", "col-2"}));
    EXPECT_EQ(all["collapse"], false);
    EXPECT_FALSE(all["hits"][0].contains("copies"));
    for (const std::string sort : {"relevance", "date"}) {
        const json one = get_json("/api/v1/search?q=lautaret&collapse=1&sort=" + sort);
        EXPECT_EQ(one["collapse"], true);
        EXPECT_EQ(one["total"], 1);
        ASSERT_EQ(one["hits"].size(), 1U) << sort;
        EXPECT_EQ(one["hits"][0]["copies"], 1) << sort;
    }
    // A dispatch lists its copies; others have none.
    const json copy = get_json("/api/v1/dispatches/col-1");
    ASSERT_TRUE(copy.contains("copies"));
    EXPECT_EQ(
        copy["copies"],
        json::parse(R"([{"id":"col-2","title":"LE CONVOI AU LAUTARET","date":"2016-10-03"}])"));
    EXPECT_FALSE(get_json("/api/v1/dispatches/xss-1").contains("copies"));
    const json other = get_json("/api/v1/search?q=alep&collapse=1&snippet=0");
    ASSERT_FALSE(other["hits"].empty());
    EXPECT_EQ(other["hits"][0]["copies"], 0);
}

TEST_F(SearchdTest, OperatorParameterOverridesTheDefault) {
    const json both = get_json("/api/v1/search?q=hassake%20mistura&op=and");
    EXPECT_EQ(both["total"], 0);
    EXPECT_EQ(both["op"], "and");
    const json either = get_json("/api/v1/search?q=hassake%20mistura&op=or");
    EXPECT_EQ(ids_of(either),
              (std::vector<std::string>{"000_553bed05d52c630e", "002_19b7305b3f46132a",
                                        "003_f9830da52e4e5e6c"}));
}

TEST_F(SearchdTest, PaginatesAndSortsByDate) {
    const json first = get_json("/api/v1/search?q=alep&limit=1&offset=0");
    const json second = get_json("/api/v1/search?q=alep&limit=1&offset=1");
    ASSERT_EQ(first["hits"].size(), 1U);
    ASSERT_EQ(second["hits"].size(), 1U);
    EXPECT_NE(first["hits"][0]["id"], second["hits"][0]["id"]);
    EXPECT_EQ(first["total"], second["total"]);
    const json by_date = get_json("/api/v1/search?q=onerror%20OR%20reprennent&sort=date");
    ASSERT_EQ(by_date["hits"].size(), 2U);
    EXPECT_EQ(by_date["hits"][0]["id"], "xss-1"); // 2016-12-09, then 2016-09-04
    EXPECT_EQ(by_date["hits"][1]["id"], "dossier/2016/paix");
    EXPECT_EQ(by_date["sort"], "date");
    const json oldest = get_json("/api/v1/search?q=onerror%20OR%20reprennent&sort=oldest");
    ASSERT_EQ(oldest["hits"].size(), 2U);
    EXPECT_EQ(oldest["hits"][0]["id"], "dossier/2016/paix");
    EXPECT_EQ(oldest["hits"][1]["id"], "xss-1");
    EXPECT_EQ(oldest["sort"], "oldest");
}

TEST_F(SearchdTest, FiltersByDate) {
    const json result =
        get_json("/api/v1/search?q=paix%20OR%20armee&from=2016-09-01&to=2016-09-30");
    EXPECT_EQ(ids_of(result), std::vector<std::string>{"dossier/2016/paix"});
    const json in_query = get_json("/api/v1/search?q=date:2016-12%20onerror");
    EXPECT_EQ(ids_of(in_query), std::vector<std::string>{"xss-1"});
    const json not_in_range = get_json("/api/v1/search?q=date:2016-11%20onerror");
    EXPECT_EQ(not_in_range["total"], 0);
}

TEST_F(SearchdTest, CountsTheMatchesPerPeriodWhenAsked) {
    const json plain = get_json("/api/v1/search?q=paix%20OR%20onerror");
    EXPECT_FALSE(plain.contains("periods"));
    EXPECT_FALSE(plain.contains("periods_op"));
    const json months = get_json("/api/v1/search?q=paix%20OR%20onerror&periods=month&limit=0");
    // paix: the Geneva talks (2016-09) and the NewsML seed (2016-12); onerror: xss-1 (2016-12).
    EXPECT_EQ(months["periods"], json::parse(R"([{"period": "2016-09", "count": 1},
                                                 {"period": "2016-12", "count": 2}])"));
    EXPECT_EQ(months["periods_op"], "and"); // the query's one clause, "paix OR onerror"
    const json years = get_json("/api/v1/search?q=paix%20OR%20onerror&periods=year");
    EXPECT_EQ(years["periods"], json::parse(R"([{"period": "2016", "count": 3}])"));
    EXPECT_EQ(years["hits"].size(), 3U); // the page comes with them
    const json none = get_json("/api/v1/search?q=paix&periods=year&from=2017-01-01");
    EXPECT_EQ(none["periods"], json::array());
}

TEST_F(SearchdTest, ReturnsAWholeDispatchHighlighted) {
    const json plain = get_json("/api/v1/dispatches/002_19b7305b3f46132a");
    EXPECT_EQ(plain["id"], "002_19b7305b3f46132a");
    EXPECT_EQ(plain["title"], "Les rebelles ne contr\u00f4lent plus que 15% d'Alep");
    EXPECT_TRUE(plain["date"].is_null());
    EXPECT_NE(plain["body"].get<std::string>().find("8.000"), std::string::npos);
    EXPECT_FALSE(plain.contains("body_html"));
    const json marked = get_json("/api/v1/dispatches/002_19b7305b3f46132a?q=8000%20geneve");
    const std::string html = marked["body_html"];
    EXPECT_NE(html.find("<mark>8.000</mark>"), std::string::npos);
    EXPECT_NE(html.find("<mark>Gen\u00e8ve</mark>"), std::string::npos);
    EXPECT_FALSE(marked.contains("abstract_html")); // it has none
    const json slashed = get_json("/api/v1/dispatches/dossier%2F2016%2Fpaix");
    EXPECT_EQ(slashed["date"], "2016-09-04");
    EXPECT_EQ(slashed["abstract"], "Reprise des pourparlers en Suisse, à Genève.");
    EXPECT_FALSE(slashed.contains("abstract_html"));
    const json abstract = get_json("/api/v1/dispatches/dossier%2F2016%2Fpaix?q=geneve");
    EXPECT_EQ(abstract["abstract_html"],
              "Reprise des pourparlers en Suisse, à <mark>Genève</mark>.");
}

TEST_F(SearchdTest, ReportsHealth) {
    const json health = get_json("/healthz");
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["documents"], 12); // corpus/ (4 .txt, 4 NewsML items) and 4 more
}

TEST_F(SearchdTest, AnswersBadRequestsWithJsonErrors) {
    struct Case {
        std::string path;
        int status;
        std::string code;
    };
    const std::vector<Case> cases{
        {"/api/v1/search?q=alep&limit=abc", 400, "bad_request"},
        {"/api/v1/search?q=alep&limit=1000", 400, "bad_request"},
        {"/api/v1/search?q=alep&offset=-1", 400, "bad_request"},
        {"/api/v1/search?q=alep&sort=random", 400, "bad_request"},
        {"/api/v1/search?q=alep&op=xor", 400, "bad_request"},
        {"/api/v1/search?q=alep&snippet=maybe", 400, "bad_request"},
        {"/api/v1/search?q=alep&correct=perhaps", 400, "bad_request"},
        {"/api/v1/search?q=alep&collapse=2", 400, "bad_request"},
        {"/api/v1/search?q=alep&periods=decade", 400, "bad_request"},
        {"/api/v1/suggest?q=ale&limit=0", 400, "bad_request"},
        {"/api/v1/suggest?q=ale&limit=21", 400, "bad_request"},
        {"/api/v1/suggest?q=%FF", 400, "bad_request"},
        {"/api/v1/search?q=alep&from=hier", 400, "bad_request"},
        {"/api/v1/search?q=%FF%FE", 400, "bad_request"},
        {"/api/v1/search?q=" + std::string(1200, 'a'), 400, "query_too_long"},
        {"/api/v1/dispatches/nope", 404, "not_found"},
        {"/api/v1/nothing", 404, "not_found"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path.substr(0, 80));
        const json body = get_json(c.path, c.status);
        EXPECT_EQ(body["error"]["code"], c.code);
        EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    }
}

TEST_F(SearchdTest, SuggestsSpellingAndCorrectsQueriesWithNoResult) {
    const json typo = get_json("/api/v1/search?q=Alepp&snippet=0");
    EXPECT_EQ(typo["suggestion"], "Alep");
    EXPECT_EQ(typo["corrected"], false);
    EXPECT_GT(typo["total"], 0); // one typo still finds Alep
    EXPECT_EQ(typo["also_searched"],
              json::parse(R"([{"word": "alepp", "also": ["alep"]}])")); // and says so
    const json phrase = get_json("/api/v1/search?q=%22quartiers%20d%27Alepp%22");
    EXPECT_EQ(phrase["corrected"], true);
    EXPECT_EQ(phrase["suggestion"], "\"quartiers d'Alep\"");
    EXPECT_GT(phrase["total"], 0);
    const json as_typed = get_json("/api/v1/search?q=%22quartiers%20d%27Alepp%22&correct=0");
    EXPECT_EQ(as_typed["corrected"], false);
    EXPECT_EQ(as_typed["total"], 0);
    const json known = get_json("/api/v1/search?q=alep");
    EXPECT_TRUE(known["suggestion"].is_null());
    EXPECT_EQ(known["also_searched"], json::array());
}

TEST_F(SearchdTest, CompletesWhatIsTyped) {
    const json ale = get_json("/api/v1/suggest?q=ale&limit=3");
    EXPECT_EQ(ale["q"], "ale");
    ASSERT_FALSE(ale["suggestions"].empty());
    EXPECT_LE(ale["suggestions"].size(), 3U);
    EXPECT_EQ(ale["suggestions"][0]["text"], "alep");
    EXPECT_EQ(ale["suggestions"][0]["kind"], "word");
    EXPECT_GT(ale["suggestions"][0]["count"], 0);
    EXPECT_TRUE(get_json("/api/v1/suggest?q=")["suggestions"].empty());
    EXPECT_TRUE(get_json("/api/v1/suggest")["suggestions"].empty());
}

TEST_F(SearchdTest, HostileQueriesNeverBreakTheDaemon) {
    for (const std::string q : {"%22", "((((", "-", "*", "OR%20AND%20NOT", "%00",
                                "titre:", "date:9999-99", "a*", "%E2%80%99", "\\\\", "%3Cscript%3E",
                                // Days that no calendar has, or no number a day can be.
                                "lundi%2099%20mai", "jeudi%2029%20f%C3%A9vrier%202019",
                                "lundi%2031%20d%C3%A9cembre%209999", "dimanche%201er",
                                "mardi%20000000000000000000000000000001%20mai"}) {
        SCOPED_TRACE(q);
        for (const char* endpoint : {"/api/v1/search?q=", "/api/v1/suggest?q="}) {
            const httplib::Result res = get(endpoint + q);
            ASSERT_TRUE(res);
            EXPECT_TRUE(res->status == 200 || res->status == 400) << res->status;
        }
    }
    EXPECT_EQ(get_json("/healthz")["status"], "ok");
}

/// `text` percent-encoded for a query string: every byte but unreserved ASCII.
std::string url_encoded(const std::string& text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += k_hex[byte >> 4];
            out += k_hex[byte & 15];
        }
    }
    return out;
}

TEST_F(SearchdTest, RandomQueriesAndParametersNeverBreakTheDaemon) {
    // Queries made of the query language's pieces, French forms and hostile characters, with
    // parameters valid or not, drawn with a fixed seed: each answer is JSON with a 2xx or 4xx
    // status (under the sanitizers too, where CI runs this suite again).
    const std::vector<std::string> atoms{"alep",
                                         "Armée",
                                         "syrienne",
                                         "l'armée",
                                         "d'urgence",
                                         "cessez-le-feu",
                                         "8 000",
                                         "O.N.U.",
                                         "XIXe",
                                         "OR",
                                         "OU",
                                         "AND",
                                         "ET",
                                         "NOT",
                                         "SAUF",
                                         "-",
                                         "+",
                                         "(",
                                         ")",
                                         "\"",
                                         "«",
                                         "»",
                                         "*",
                                         "év*",
                                         "a*",
                                         "titre:",
                                         "titre:alep",
                                         "date:2016",
                                         "date:2016-13",
                                         "date:..2016-12",
                                         "date:x",
                                         "lundi 18 mai",
                                         "quel",
                                         "combien",
                                         "tombe-t-il",
                                         "aujourd'hui",
                                         "’",
                                         "ʼ",
                                         "\u00a0",
                                         "\u202f",
                                         "e\u0301",
                                         "œ",
                                         "ß",
                                         "İ",
                                         "😀",
                                         "\u200b",
                                         "\\",
                                         "%",
                                         "&",
                                         "<script>",
                                         "</mark>",
                                         "&amp;",
                                         std::string(1, '\0'),
                                         "\x7f",
                                         "\xff",
                                         "\xc3",
                                         std::string(60, 'a'),
                                         "--",
                                         "\"\"",
                                         "()",
                                         "**",
                                         "Jean-",
                                         "l'",
                                         "2nd",
                                         "1er",
                                         "3,5"};
    const std::vector<std::pair<std::string, std::vector<std::string>>> parameters{
        {"limit", {"0", "1", "100", "101", "-1", "x"}},
        {"offset", {"0", "10", "10000", "10001"}},
        {"sort", {"date", "relevance", "x"}},
        {"op", {"and", "or", "xor"}},
        {"periods", {"year", "month", "x"}},
        {"from", {"2016-01-01", "2016-13-45", "x"}},
        {"to", {"2016-12-31", "2016"}},
        {"collapse", {"0", "1", "2"}},
        {"snippet", {"0", "1"}},
        {"correct", {"0", "1"}}};
    std::mt19937 random(20261127);
    const auto pick = [&random](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    constexpr int k_requests = 1500;
    for (int i = 0; i < k_requests; ++i) {
        std::string q;
        for (std::size_t n = pick(20); n > 0; --n) {
            q += atoms[pick(atoms.size())];
            q += pick(4) == 0 ? "" : " ";
        }
        if (pick(20) == 0) {
            q = q + q + q + q + q + q + q + q;
        }
        q.resize(std::min<std::size_t>(q.size(), pick(2) == 0 ? 1000 : 1200));
        std::string path;
        if (pick(5) == 0) {
            path = "/api/v1/suggest?q=" + url_encoded(q) + "&limit=" + std::to_string(pick(22));
        } else {
            path = "/api/v1/search?q=" + url_encoded(q);
            for (const auto& [name, values] : parameters) {
                if (pick(8) == 0) {
                    path += "&" + name + "=" + url_encoded(values[pick(values.size())]);
                }
            }
        }
        SCOPED_TRACE(path);
        const httplib::Result res = get(path);
        ASSERT_TRUE(res);
        EXPECT_TRUE(res->status == 200 || res->status == 400) << res->status << ": " << res->body;
        EXPECT_FALSE(json::parse(res->body, nullptr, false).is_discarded()) << res->body;
    }
    EXPECT_EQ(get_json("/healthz")["status"], "ok");
}

TEST_F(SearchdTest, RefusesOtherMethods) {
    httplib::Client client("127.0.0.1", s_port);
    const httplib::Result res = client.Post("/api/v1/search", "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
}

TEST_F(SearchdTest, ServesThePageAndNothingOutsideWeb) {
    const httplib::Result page = get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<html"), std::string::npos);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    for (const std::string path :
         {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/..%2fCMakeLists.txt",
          "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/web/../../CMakeLists.txt"}) {
        SCOPED_TRACE(path);
        const httplib::Result res = get(path);
        if (res) {
            EXPECT_NE(res->status, 200);
            EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos);
            EXPECT_EQ(res->body.find("root:"), std::string::npos);
        }
    }
}

/// Indexes the seed dispatches into `dir`/index; the index's path.
std::string index_seeds(const TempDir& dir) {
    const std::string db = (dir.path() / "index").string();
    const RunResult seeds =
        run_process({binary("depeches-indexer"), "--db", db, source_path("corpus").string()});
    EXPECT_EQ(seeds.status, 0) << seeds.err;
    return db;
}

TEST(SearchdLifecycle, StopsCleanlyOnSigterm) {
    TempDir dir;
    const std::string db = index_seeds(dir);
    Process daemon({binary("depeches-searchd"), "--db", db, "--listen", "127.0.0.1:0"});
    ASSERT_TRUE(daemon.read_line(10s).has_value()) << daemon.error_output();
    daemon.send_signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0);
}

TEST(SearchdLifecycle, RefusesAMissingIndexWithAClearMessage) {
    TempDir dir;
    const RunResult result =
        run_process({binary("depeches-searchd"), "--db", (dir.path() / "none").string(), "--listen",
                     "127.0.0.1:0"});
    EXPECT_EQ(result.status, 1);
    EXPECT_NE(result.err.find("no index at"), std::string::npos) << result.err;
}

TEST(SearchdLifecycle, ReadsTheWordListAndTheDictionaryItIsGiven) {
    TempDir dir;
    const std::string db = index_seeds(dir);
    const std::string words = (dir.path() / "words").string();
    write_file(words, "alpe\nalpage\n");
    const std::string dictionary = (dir.path() / "fr").string();
    write_file(dictionary + ".aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n");
    write_file(dictionary + ".dic", "1\nalpe/S\n");
    // "Alpe" is one swap from Alep, which no dispatch writes otherwise: a typo, unless the
    // language has the word.
    const auto suggestion_for_alpe = [&](const std::vector<std::string>& options) {
        std::vector<std::string> argv{binary("depeches-searchd"), "--db", db, "--listen",
                                      "127.0.0.1:0"};
        argv.insert(argv.end(), options.begin(), options.end());
        Process daemon(argv);
        const auto line = daemon.read_line(10s);
        if (!line) {
            ADD_FAILURE() << daemon.error_output();
            return json();
        }
        httplib::Client client("127.0.0.1", std::stoi(line->substr(line->rfind(':') + 1)));
        const httplib::Result res = client.Get("/api/v1/search?q=Alpe&snippet=0");
        daemon.send_signal(SIGTERM);
        EXPECT_EQ(daemon.wait(10s), 0);
        return res ? json::parse(res->body, nullptr, false)["suggestion"] : json();
    };
    EXPECT_EQ(suggestion_for_alpe({"--no-words"}), "Alep");
    EXPECT_TRUE(suggestion_for_alpe({"--no-words", "--words", words}).is_null());
    EXPECT_TRUE(suggestion_for_alpe({"--no-words", "--dictionary", dictionary}).is_null());

    const RunResult missing = run_process({binary("depeches-searchd"), "--db", db, "--listen",
                                           "127.0.0.1:0", "--words", words + ".none"});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("cannot read the word list"), std::string::npos) << missing.err;
    const RunResult no_dictionary =
        run_process({binary("depeches-searchd"), "--db", db, "--listen", "127.0.0.1:0",
                     "--dictionary", dictionary + ".none"});
    EXPECT_EQ(no_dictionary.status, 1);
    EXPECT_NE(no_dictionary.err.find("cannot read the dictionary file"), std::string::npos)
        << no_dictionary.err;
}

TEST(SearchdLifecycle, RejectsBadOptions) {
    EXPECT_EQ(run_process({binary("depeches-searchd")}).status, 2);
    EXPECT_EQ(run_process({binary("depeches-searchd"), "--db", "x", "--listen", "nope"}).status, 2);
    EXPECT_EQ(run_process({binary("depeches-searchd"), "--db", "x", "--words"}).status, 2);
    const RunResult version = run_process({binary("depeches-searchd"), "--version"});
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("depeches-searchd ", 0), 0U);
}

} // namespace
} // namespace depeches::testing
