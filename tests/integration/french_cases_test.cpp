// Integration: index the real corpus/ with the indexer's library, search it with the service,
// and check the French cases that the plain Xapian recipe (TermGenerator + Stem("french"))
// misses: accents, elisions, numbers, compounds, acronyms, inflections.
#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

const std::string k_000 = "000_553bed05d52c630e";
const std::string k_001 = "001_a87e28574c2f2337";
const std::string k_002 = "002_19b7305b3f46132a";
const std::string k_003 = "003_f9830da52e4e5e6c";

class FrenchCases : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("integration");
        const cli::RunReport report =
            s_index->index({std::string(DEPECHES_SOURCE_DIR) + "/corpus"});
        // The four seed dispatches, and the NewsML-G2 and NITF samples of corpus/newsml/.
        ASSERT_EQ(report.added, 8U);
        ASSERT_TRUE(report.rejected.empty());
    }

    static void TearDownTestSuite() { s_index.reset(); }

    /// Ids of the seed dispatches with all the words (op=and), sorted.
    static std::vector<std::string> ids(const std::string& query) {
        search::SearchRequest request;
        request.query = query;
        request.limit = 100;
        request.snippets = false;
        request.op = query::DefaultOperator::op_and;
        std::vector<std::string> out;
        for (const search::Hit& hit : s_index->service().search(request).hits) {
            if (hit.id == k_000 || hit.id == k_001 || hit.id == k_002 || hit.id == k_003) {
                out.push_back(hit.id);
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> FrenchCases::s_index;

TEST_F(FrenchCases, FindWhatThePlainRecipeMisses) {
    struct Case {
        std::string query;
        std::vector<std::string> expected;
    };
    const std::vector<Case> cases{
        {"armee", {k_000, k_001, k_002, k_003}}, // l'armée
        {"OSDH", {k_000, k_001, k_003}},         // l'OSDH
        {"ONU", {k_002, k_003}},                 // l'ONU
        {"O.N.U.", {k_002, k_003}},              // acronym with dots
        {"geneve", {k_001, k_002, k_003}},       // Genève
        {"8000 personnes", {k_002, k_003}},      // 8.000 and 8000
        {"8 000 personnes", {k_002, k_003}},
        {"8.000 personnes", {k_002, k_003}},
        {"\"cessez le feu\"", {k_000, k_002, k_003}}, // cessez-le-feu
        {"cessez-le-feu", {k_000, k_002, k_003}},
        {"cessezlefeu", {k_000, k_002, k_003}},
        {"hassake", {k_000}},                     // Hassaké
        {"evacuations", {k_000, k_002, k_003}},   // évacuation, évacuer
        {"regime", {k_000, k_001, k_002, k_003}}, // régime
        {"aeroport", {}},                         // not in the corpus
        {"Etats Unis", {k_000, k_001, k_003}},    // États-Unis, Etats-Unis
        {"EtatsUnis", {k_000, k_001, k_003}},
        {"\"Alep Est\"", {k_001, k_002, k_003}}, // Alep-Est, and "Alep est divisée"
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.query);
        EXPECT_EQ(ids(c.query), c.expected);
    }
}

TEST_F(FrenchCases, DefaultOperatorRanksDispatchesWithEveryWordFirst) {
    // By default any word matches, but dispatches with all of them come first.
    struct Case {
        std::string query;
        std::vector<std::string> first;
    };
    const std::vector<Case> cases{
        {"8000 personnes", {k_002, k_003}},
        {"hassake kurdes", {k_000}},
        {"qamichli negociations", {k_000}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.query);
        search::SearchRequest request;
        request.query = c.query;
        const search::SearchResult result = s_index->service().search(request);
        EXPECT_EQ(result.op, "auto");
        ASSERT_GE(result.hits.size(), c.first.size());
        std::vector<std::string> top;
        for (std::size_t i = 0; i < c.first.size(); ++i) {
            top.push_back(result.hits[i].id);
        }
        std::sort(top.begin(), top.end());
        EXPECT_EQ(top, c.first);
    }
}

TEST_F(FrenchCases, SnippetsMarkTheOriginalAccentedWords) {
    search::SearchRequest request;
    request.query = "armee";
    request.limit = 10;
    const search::SearchResult result = s_index->service().search(request);
    ASSERT_GE(result.hits.size(), 4U);
    for (const search::Hit& hit : result.hits) {
        SCOPED_TRACE(hit.id);
        EXPECT_NE(hit.snippet.find("arm\u00e9e</mark>"), std::string::npos) << hit.snippet;
    }
}

TEST_F(FrenchCases, NewsmlDispatchesAreSearchedToo) {
    search::SearchRequest request;
    request.query = "observateurs";
    const search::SearchResult result = s_index->service().search(request);
    ASSERT_EQ(result.hits.size(), 1U);
    EXPECT_EQ(result.hits.front().id, "urn:newsml:depeches.example:20161219:ONU-ALEP-OBSERVATEURS");
    EXPECT_EQ(result.hits.front().date, "2016-12-19");
}

TEST_F(FrenchCases, TitleWordsRankAboveBodyWords) {
    // 002's headline is "Les rebelles ne contrôlent plus que 15% d'Alep".
    search::SearchRequest request;
    request.query = "rebelles controlent Alep";
    request.op = query::DefaultOperator::op_or;
    const search::SearchResult result = s_index->service().search(request);
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, k_002);
}

} // namespace
} // namespace depeches
