// When the dispatches found were written: the counts per year or month that a search gives
// when asked (SearchRequest::periods), over a real index.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

using Periods = search::SearchRequest::Periods;

class PeriodCounts : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("periods");
        s_index->write("greve-2018-03-05.txt",
                       "Grève des cheminots\n\nLa grève des cheminots contre la réforme "
                       "ferroviaire continue.\n");
        s_index->write("greve-2018-04-10.txt",
                       "Grève à la SNCF\n\nLes cheminots poursuivent la grève.\n");
        s_index->write("greve-2019-12-05.txt",
                       "Grève contre la réforme des retraites\n\nLa grève contre la réforme "
                       "des retraites commence.\n");
        s_index->write("greve-2019-12-17.txt",
                       "Nouvelle journée de grève\n\nLa grève contre la réforme des retraites "
                       "se poursuit.\n");
        s_index->write("delevoye-2019-07-18.txt",
                       "Le rapport Delevoye\n\nLe rapport Delevoye sur les retraites est "
                       "remis au gouvernement.\n");
        // One text filed twice, across the new year: with collapse, counted once, in 2020.
        s_index->write("reprise-2019-12-31.txt", "La grève reprend\n\nLa grève reprend.\n");
        s_index->write("reprise-2020-01-02.txt", "Reprise de la grève\n\nLa grève reprend.\n");
        // Found by its words, but with no date anywhere: counted in no period.
        s_index->write("sans-date.txt", "Une grève\n\nUne grève sans date.\n");
        ASSERT_EQ(s_index->index().added, 8U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static search::SearchResult count(const std::string& query, Periods periods,
                                      std::optional<query::DefaultOperator> op = {},
                                      const std::string& from = {}, const std::string& to = {},
                                      bool collapse = false) {
        search::SearchRequest request;
        request.collapse = collapse;
        request.query = query;
        request.snippets = false;
        request.periods = periods;
        request.op = op;
        request.from = from;
        request.to = to;
        return s_index->service().search(request);
    }

    /// "period:count" for each period of `result`.
    static std::vector<std::string> periods_of(const search::SearchResult& result) {
        std::vector<std::string> out;
        for (const search::PeriodCount& p : result.periods) {
            out.push_back(p.period + ":" + std::to_string(p.count));
        }
        return out;
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> PeriodCounts::s_index;

TEST_F(PeriodCounts, CountsTheDatedMatchesPerYearOrMonthOldestFirst) {
    const search::SearchResult years = count("grève", Periods::year);
    EXPECT_EQ(years.total, 7U);
    EXPECT_EQ(periods_of(years), (std::vector<std::string>{"2018:2", "2019:3", "2020:1"}));
    EXPECT_EQ(years.periods_op, "and");
    EXPECT_EQ(periods_of(count("grève", Periods::month)),
              (std::vector<std::string>{"2018-03:1", "2018-04:1", "2019-12:3", "2020-01:1"}));
    // Not asked, not counted.
    EXPECT_TRUE(count("grève", Periods::none).periods.empty());
}

TEST_F(PeriodCounts, CountsEachTextOnceWhereTheDateOrderListsIt) {
    // By date, one hit per text: the newest copy stands for the text, in 2020.
    const search::SearchResult texts = count("grève", Periods::year, {}, {}, {}, true);
    EXPECT_EQ(periods_of(texts), (std::vector<std::string>{"2018:2", "2019:2", "2020:1"}));
    EXPECT_EQ(periods_of(count("grève reprend", Periods::month, {}, {}, {}, true)),
              (std::vector<std::string>{"2020-01:1"}));
    // Within dates that leave the newest copy out, the other one stands for it.
    EXPECT_EQ(
        periods_of(count("grève reprend", Periods::year, {}, "2019-01-01", "2019-12-31", true)),
        (std::vector<std::string>{"2019:1"}));
}

TEST_F(PeriodCounts, InOldestFirstOrderTheOldestCopyStandsForItsText) {
    search::SearchRequest request;
    request.query = "grève reprend";
    request.snippets = false;
    request.collapse = true;
    request.periods = Periods::month;
    request.sort = search::SearchRequest::Sort::oldest;
    const search::SearchResult oldest = s_index->service().search(request);
    EXPECT_EQ(test::ids_of(oldest), std::vector<std::string>{"reprise-2019-12-31"});
    EXPECT_EQ(periods_of(oldest), (std::vector<std::string>{"2019-12:1"}));
    request.sort = search::SearchRequest::Sort::date;
    const search::SearchResult newest = s_index->service().search(request);
    EXPECT_EQ(test::ids_of(newest), std::vector<std::string>{"reprise-2020-01-02"});
    EXPECT_EQ(periods_of(newest), (std::vector<std::string>{"2020-01:1"}));
}

TEST_F(PeriodCounts, UndatedDispatchesComeLastInEitherDateOrder) {
    search::SearchRequest request;
    request.query = "grève";
    request.snippets = false;
    request.sort = search::SearchRequest::Sort::oldest;
    EXPECT_EQ(test::ids_of(s_index->service().search(request)),
              (std::vector<std::string>{"greve-2018-03-05", "greve-2018-04-10", "greve-2019-12-05",
                                        "greve-2019-12-17", "reprise-2019-12-31",
                                        "reprise-2020-01-02", "sans-date"}));
    request.sort = search::SearchRequest::Sort::date;
    EXPECT_EQ(test::ids_of(s_index->service().search(request)),
              (std::vector<std::string>{"reprise-2020-01-02", "reprise-2019-12-31",
                                        "greve-2019-12-17", "greve-2019-12-05", "greve-2018-04-10",
                                        "greve-2018-03-05", "sans-date"}));
}

TEST_F(PeriodCounts, CountsWhatTheDateOrderLists) {
    // By default, the dispatches with every word, as sorting by date lists them; the
    // relevance order also lists those with one of the words.
    const search::SearchResult both = count("grève retraites", Periods::month);
    EXPECT_EQ(both.total, 8U);
    EXPECT_EQ(periods_of(both), (std::vector<std::string>{"2019-12:2"}));
    EXPECT_EQ(both.periods_op, "and");
    // When no dispatch has them all, those with any of them.
    const search::SearchResult any = count("ferroviaire Delevoye", Periods::year);
    EXPECT_EQ(periods_of(any), (std::vector<std::string>{"2018:1", "2019:1"}));
    EXPECT_EQ(any.periods_op, "or");
    // An operator asked for is the one counted with.
    const search::SearchResult asked =
        count("grève retraites", Periods::year, query::DefaultOperator::op_or);
    EXPECT_EQ(periods_of(asked), (std::vector<std::string>{"2018:2", "2019:4", "2020:1"}));
    EXPECT_EQ(asked.periods_op, "or");
}

TEST_F(PeriodCounts, StaysWithinTheDatesAsked) {
    EXPECT_EQ(periods_of(count("grève", Periods::month, {}, "2019-01-01", "2019-12-31")),
              (std::vector<std::string>{"2019-12:3"}));
    EXPECT_EQ(periods_of(count("grève date:2018", Periods::year)),
              (std::vector<std::string>{"2018:2"}));
    // Browsing a period, with no words.
    EXPECT_EQ(periods_of(count("", Periods::year, {}, "2019-01-01", "")),
              (std::vector<std::string>{"2019:4", "2020:1"}));
    EXPECT_TRUE(count("grève", Periods::year, {}, "2021-01-01", "2021-12-31").periods.empty());
}

} // namespace
} // namespace depeches
