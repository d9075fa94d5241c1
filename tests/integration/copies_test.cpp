// Copies of one text (the same body filed under several ids): what makes two bodies copies, and
// how a search asking for it shows one hit per text.
#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/analysis/tokenizer.hpp"
#include "indexer/index/document_builder.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

std::string key_of(const std::string& text) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(text, tokens);
    return index::body_key(tokens);
}

TEST(BodyKey, IgnoresCaseAccentsSpacingAndPunctuationButNotWords) {
    const std::string key = key_of("Les négociations de paix reprennent à Genève.");
    EXPECT_EQ(key.size(), 16U);
    EXPECT_EQ(key_of("LES NEGOCIATIONS DE PAIX  REPRENNENT A GENEVE !"), key);
    EXPECT_EQ(key_of("Les négociations de paix\nreprennent, à Genève"), key);
    EXPECT_NE(key_of("Les négociations de paix reprennent à Berne."), key);
    EXPECT_NE(key_of("Les négociations de paix reprennent."), key);
    EXPECT_EQ(key_of("cessez-le-feu"), key_of("cessez le feu")); // parts, not the joined form
    EXPECT_EQ(key_of(" ... !"), "");
    EXPECT_EQ(key_of(""), "");
}

class Copies : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("copies");
        // One text filed three times, under other titles and typeset differently.
        const std::string text = "Le convoi humanitaire a franchi le col du Lautaret.";
        s_index->write("convoi-2016-10-02.txt", "Convoi au Lautaret\n\n" + text + "\n");
        s_index->write("convoi-2016-10-03.txt",
                       "LE CONVOI AU LAUTARET\n\nLE CONVOI HUMANITAIRE A FRANCHI LE COL DU "
                       "LAUTARET !\n");
        s_index->write("convoi-2016-10-04.txt", "Le Lautaret franchi\n\n" + text + "\n");
        // A text one word away: another dispatch, never folded into the others.
        s_index->write("retour-2016-10-05.txt",
                       "Retour au Lautaret\n\nLe convoi humanitaire a repassé le col du "
                       "Lautaret.\n");
        s_index->write("neige-2016-10-01.txt",
                       "Neige au Lautaret\n\nLa neige ferme le col du Lautaret aux convois, "
                       "le convoi attend.\n");
        // The col and aid without the convoy: more dispatches have each word than both.
        s_index->write("fermeture-2016-10-06.txt",
                       "Col fermé\n\nLe col reste fermé à la circulation.\n");
        s_index->write("aide-2016-10-07.txt",
                       "Aide humanitaire\n\nL'aide humanitaire arrive à Grenoble.\n");
        ASSERT_EQ(s_index->index().added, 7U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static search::SearchResult
    search(const std::string& query, bool collapse,
           search::SearchRequest::Sort sort = search::SearchRequest::Sort::relevance) {
        search::SearchRequest request;
        request.query = query;
        request.snippets = false;
        request.collapse = collapse;
        request.sort = sort;
        return s_index->service().search(request);
    }

    static std::size_t copies(const search::SearchResult& result) {
        return std::accumulate(
            result.hits.begin(), result.hits.end(), std::size_t{0},
            [](std::size_t sum, const search::Hit& hit) { return sum + hit.copies; });
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> Copies::s_index;

TEST_F(Copies, EveryDispatchComesBackUnlessAsked) {
    const search::SearchResult all = search("convoi Lautaret", false);
    EXPECT_EQ(all.total, 5U);
    EXPECT_EQ(all.hits.size(), 5U);
    EXPECT_EQ(copies(all), 0U);
}

TEST_F(Copies, AskedForOneHitPerTextCountingItsCopies) {
    for (const std::string query :
         {"convoi Lautaret", "humanitaire", "convoi OR neige", "\"col du Lautaret\""}) {
        const search::SearchResult one = search(query, true);
        const std::vector<std::string> found = test::ids_of(one);
        const auto texts = std::count_if(found.begin(), found.end(), [](const std::string& id) {
            return id.rfind("convoi-", 0) == 0;
        });
        EXPECT_EQ(texts, 1) << query;
        EXPECT_EQ(copies(one), 2U) << query;
        EXPECT_EQ(one.total, one.hits.size()) << query;
        EXPECT_TRUE(one.total_exact) << query;
        // The text one word away is there on its own.
        EXPECT_EQ(std::count(found.begin(), found.end(), "retour-2016-10-05"), 1) << query;
    }
}

TEST_F(Copies, InDateOrderTheNewestCopyStandsForItsText) {
    const search::SearchResult by_date =
        search("Lautaret", true, search::SearchRequest::Sort::date);
    EXPECT_EQ(
        test::ids_of(by_date),
        (std::vector<std::string>{"retour-2016-10-05", "convoi-2016-10-04", "neige-2016-10-01"}));
    EXPECT_EQ(by_date.hits[1].copies, 2U);
    // Counted exactly: three texts, whatever the page holds.
    EXPECT_EQ(by_date.total, 3U);
    EXPECT_TRUE(by_date.total_exact);
    search::SearchRequest first;
    first.query = "Lautaret";
    first.limit = 1;
    first.snippets = false;
    first.collapse = true;
    first.sort = search::SearchRequest::Sort::date;
    const search::SearchResult page = s_index->service().search(first);
    EXPECT_EQ(page.total, 3U);
    EXPECT_TRUE(page.total_exact);
    // Where Xapian only bounds the matches (more dispatches have each word than both), the
    // texts are counted all the same: the convoy's, and the one a word away.
    first.query = "col humanitaire";
    const search::SearchResult both = s_index->service().search(first);
    EXPECT_EQ(both.total, 2U);
    EXPECT_TRUE(both.total_exact);
}

} // namespace
} // namespace depeches
