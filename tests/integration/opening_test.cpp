// Integration: a dispatch that opens with the query's words ranks above one that tells them
// further down (searchd/service/opening_scoring.hpp), on a real index.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

/// Forty sentences on other matters: about 320 positions, past any dispatch's opening.
std::string council_minutes() {
    std::string text;
    for (int i = 1; i <= 40; ++i) {
        text += "La séance numéro " + std::to_string(i) + " du conseil est levée. ";
    }
    return text;
}

std::vector<std::string> ids(search::SearchService& service, const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.snippets = false;
    return test::ids_of(service.search(request));
}

TEST(Openings, ADispatchOpeningWithTheQueryRanksAboveOneTellingItFurtherDown) {
    test::WrittenIndex index("openings");
    // "plus-tard" says "ferry" and "Roscoff" more often, which BM25 prefers, but after the
    // minutes; "en-tete" opens with them.
    index.write("plus-tard.txt", "Point du jour\n\n" + council_minutes() +
                                     "Le ferry de Roscoff reprend la mer. Le ferry repart de "
                                     "Roscoff. Un ferry de plus.\n");
    index.write("en-tete.txt",
                "Point du jour\n\nLe ferry de Roscoff reprend la mer. " + council_minutes() + "\n");
    // Others, so that the query's words weigh something (log(N / df) > 0).
    for (int i = 0; i < 6; ++i) {
        index.write("conseil-" + std::to_string(i) + ".txt",
                    "Point du jour\n\n" + council_minutes() + "\n");
    }
    ASSERT_EQ(index.index().added, 8U);
    EXPECT_EQ(ids(index.service(), "ferry Roscoff"),
              (std::vector<std::string>{"en-tete", "plus-tard"}));
}

} // namespace
} // namespace depeches
