// Integration: word associations learned from headlines lift a dispatch that says the query's
// words in other words (searchd/service/associations_scoring.hpp), on a real index.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/associations/learner.hpp"
#include "tests/associations_corpus.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

/// A table learned from headlines that say "meurt" over bodies that say "décédé".
std::shared_ptr<const associations::Table> learned_table() {
    associations::Learner learner;
    test::add_death_headlines(learner);
    return std::make_shared<const associations::Table>(
        learner.learn(test::small_archive_options()));
}

class Associations : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("associations");
        // The dispatch about the death, and one a word shorter with the same words but
        // "décédé", which BM25 alone ranks first.
        s_index->write("deces.txt",
                       "Point sur Quimper\n\nUn cycliste est décédé samedi à Quimper.\n");
        s_index->write("vu.txt", "Point sur Quimper\n\nUn cycliste vu samedi à Quimper.\n");
        ASSERT_EQ(s_index->index().added, 2U);
        s_with = std::make_unique<search::SearchService>(s_index->db(), nullptr, learned_table());
    }

    static void TearDownTestSuite() {
        s_with.reset();
        s_index.reset();
    }

    static std::vector<std::string> ids(search::SearchService& service, const std::string& query) {
        search::SearchRequest request;
        request.query = query;
        request.snippets = false;
        return test::ids_of(service.search(request));
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
    static std::unique_ptr<search::SearchService> s_with;
};

std::unique_ptr<test::WrittenIndex> Associations::s_index;
std::unique_ptr<search::SearchService> Associations::s_with;

TEST_F(Associations, LiftADispatchThatSaysTheQueryInOtherWords) {
    EXPECT_EQ(ids(s_index->service(), "un cycliste meurt à Quimper"),
              (std::vector<std::string>{"vu", "deces"}));
    EXPECT_EQ(ids(*s_with, "un cycliste meurt à Quimper"),
              (std::vector<std::string>{"deces", "vu"}));
}

TEST_F(Associations, LeaveQueriesWhoseWordsEveryDispatchHasAlone) {
    EXPECT_EQ(ids(*s_with, "cycliste Quimper"), ids(s_index->service(), "cycliste Quimper"));
    // Nor does a word the table does not know move anything.
    EXPECT_EQ(ids(*s_with, "cycliste chute Quimper"),
              ids(s_index->service(), "cycliste chute Quimper"));
}

} // namespace
} // namespace depeches
