// Integration: proximity is read only where it can change what a search shows, and every page
// shows what reading it everywhere would, copies folded or not, on a real index of random
// dispatches, filed once, twice or three times.
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

const std::vector<std::string> k_words{"grève",   "transports", "Lyon",    "ministre", "santé",
                                       "vaccin",  "élections",  "Paris",   "accord",   "police",
                                       "enquête", "incendie",   "forêt",   "prix",     "sommet",
                                       "Europe",  "tribunal",   "réforme", "syndicats"};

class ProximityPages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("proximity-pages");
        std::mt19937 random(7);
        std::uniform_int_distribution<std::size_t> word(0, k_words.size() - 1);
        std::uniform_int_distribution<int> length(4, 60);
        std::uniform_int_distribution<int> filed(0, 2); // filed once, twice or three times
        std::size_t files = 0;
        for (int i = 0; i < 400; ++i) {
            std::string body;
            for (int k = length(random); k > 0; --k) {
                body += k_words[word(random)] + (k % 7 == 0 ? ". " : " ");
            }
            const std::string text = "Dépêche " + std::to_string(i) + "\n\n" + body + "\n";
            const int copies = filed(random);
            for (int c = 0; c <= copies; ++c) {
                s_index->write("d" + std::to_string(i) + "-" + std::to_string(c) + ".txt", text);
                ++files;
            }
        }
        ASSERT_EQ(s_index->index().added, files);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static search::SearchResult search(const std::string& query, bool collapse, std::size_t offset,
                                       std::size_t limit) {
        search::SearchRequest request;
        request.query = query;
        request.snippets = false;
        request.collapse = collapse;
        request.offset = offset;
        request.limit = limit;
        return s_index->service().search(request);
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> ProximityPages::s_index;

TEST_F(ProximityPages, ShowWhatReadingProximityEverywhereWould) {
    std::mt19937 random(3);
    std::uniform_int_distribution<std::size_t> word(0, k_words.size() - 1);
    for (int round = 0; round < 100; ++round) {
        std::string query = k_words[word(random)];
        for (int k = round % 3; k >= 0; --k) { // 2 to 4 words: proximity counts
            query += " " + k_words[word(random)];
        }
        for (const bool collapse : {false, true}) {
            SCOPED_TRACE(query + (collapse ? " (copies folded)" : ""));
            // The first 100: their window is read as deep as 100 texts reach.
            const search::SearchResult all = search(query, collapse, 0, 100);
            for (const std::size_t offset : {0U, 10U, 20U, 40U, 60U, 80U}) {
                const search::SearchResult page = search(query, collapse, offset, 10);
                for (std::size_t i = 0; i < page.hits.size() && offset + i < all.hits.size(); ++i) {
                    const search::Hit& expected = all.hits[offset + i];
                    EXPECT_EQ(page.hits[i].id, expected.id) << "rank " << offset + i;
                    EXPECT_NEAR(page.hits[i].score, expected.score, 1e-9 * expected.score);
                    EXPECT_EQ(page.hits[i].copies, expected.copies);
                }
            }
        }
    }
}

} // namespace
} // namespace depeches
