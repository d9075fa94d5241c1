// Integration: ranking choices on a real index of small dispatches written here, each pair
// alike but for what the case is about, so that only the feature under test can order them.
// Each case fails without its feature.
#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

class Ranking : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("ranking");
        const auto write = [](const std::string& file, const std::string& text) {
            s_index->write(file, text);
        };
        // The same dispatch but for the inflection: "négocier" is the shorter one.
        write("negocier.txt", "Point sur Genève\n\nLes délégations vont négocier lundi "
                              "à Genève, annonce l'ONU.\n");
        write("negociations.txt", "Point sur Genève\n\nLes délégations auront des "
                                  "négociations lundi à Genève, annonce l'ONU.\n");
        // The same dispatch but for the accents: "pêche" (fishing), "péché" (sin).
        write("peche.txt", "Point sur Brest\n\nLa pêche reprend lundi à Brest.\n");
        write("pechez.txt", "Point sur Brest\n\nLe péché reprend lundi à Brest.\n");
        // A quotation as said, the same words apart, and neither (the shortest).
        write("quoted.txt", "Rachida Dati à Paris\n\nRachida Dati promet la propreté "
                            "et la tranquillité aux Parisiens.\n");
        write("apart.txt", "Rachida Dati à Paris\n\nRachida Dati promet la tranquillité "
                           "aux Parisiens et la propreté des rues.\n");
        write("neither.txt",
              "Rachida Dati à Paris\n\nRachida Dati promet des crèches aux Parisiens.\n");
        // The same dispatch but for one word: "syrien", a relative of "Syrie" that stemming
        // keeps apart, or "turc". Indexed in this order, a tie would rank "alone" first.
        write("alone.txt", "Point sur Damas\n\nLe régime turc dit que la Syrie reprend Alep.\n");
        write("related.txt",
              "Point sur Damas\n\nLe régime syrien dit que la Syrie reprend Alep.\n");
        // Words Snowball stems like unrelated ones: maïs (maize) and mai (May), communistes
        // and communes, pétition and petits.
        write("mais.txt", "Point sur la Beauce\n\nLe prix du maïs monte, disent les "
                          "céréaliers de la Beauce.\n");
        write("mai.txt", "Point sur la Beauce\n\nLe prix du blé monte en mai, disent les "
                         "céréaliers de la Beauce.\n");
        write("communistes.txt",
              "Point sur Lille\n\nLes élus communistes votent le budget de Lille.\n");
        write("communes.txt", "Point sur Lille\n\nLes élus des communes votent le budget.\n");
        write("petition.txt", "Point sur Nantes\n\nUne pétition circule à Nantes.\n");
        write("petits.txt", "Point sur Nantes\n\nDes petits circulent à Nantes.\n");
        // A question's answer, which names the event, and a dispatch naming the kind of
        // answer asked for (shorter: alike otherwise, it would rank first).
        write("answer.txt", "Point sur Alger\n\nLa reddition de la Kabylie a lieu en 1857, "
                            "après une longue campagne.\n");
        write("dated.txt", "Point sur Alger\n\nL'année de la fête de la Kabylie.\n");
        // Twins but for their dates (from their names): the earlier is indexed first.
        write("velo-2020-05-11.txt", "Point sur Rennes\n\nLe maire de Rennes présente "
                                     "un plan vélo.\n");
        write("velo-2020-05-18.txt", "Point sur Rennes\n\nLe maire de Rennes présente "
                                     "un plan vélo.\n");
        write("piscine-2020-05-20.txt", "Point sur Quimper\n\nLa mairie de Quimper ferme "
                                        "la piscine.\n"); // a Wednesday
        write("piscine-2020-05-21.txt", "Point sur Quimper\n\nLa mairie de Quimper ferme "
                                        "la piscine.\n"); // a Thursday
        // An ordinal spelt one way, and a shorter dispatch with the word alone.
        write("ordinal.txt", "Point sur Lyon\n\nLe 2e tour des municipales aura lieu à Lyon.\n");
        write("tour.txt", "Point sur Lyon\n\nUn tour à Lyon.\n");
        write("roman.txt", "Point sur Rouen\n\nLa halle du XIXe siècle ferme à Rouen.\n");
        write("siecle.txt", "Point sur Rouen\n\nUn siècle à Rouen.\n");
        // Newer than the twins, with one of their words: by date, not before them.
        write("velo-2020-06-01.txt", "Point sur Vannes\n\nLe vélo séduit Vannes.\n");
        ASSERT_EQ(s_index->index().added, 26U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static search::SearchResult search(const std::string& query, bool correct = true) {
        search::SearchRequest request;
        request.query = query;
        request.snippets = false;
        request.correct = correct;
        return s_index->service().search(request);
    }

    /// The ids found for `query` (auto operator), best first.
    static std::vector<std::string> ids(const std::string& query) {
        return test::ids_of(search(query));
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> Ranking::s_index;

TEST_F(Ranking, TheFormTypedRanksAboveOtherInflections) {
    EXPECT_EQ(ids("négociations"), (std::vector<std::string>{"negociations", "negocier"}));
    EXPECT_EQ(ids("négocier"), (std::vector<std::string>{"negocier", "negociations"}));
    EXPECT_EQ(ids("negociations"), (std::vector<std::string>{"negociations", "negocier"}));
}

TEST_F(Ranking, TheAccentsTypedRankALittleAboveOtherAccents) {
    EXPECT_EQ(ids("pêche"), (std::vector<std::string>{"peche", "pechez"}));
    EXPECT_EQ(ids("péché"), (std::vector<std::string>{"pechez", "peche"}));
    EXPECT_EQ(ids("peche").size(), 2U); // without accents: both, either first
}

TEST_F(Ranking, AWordsRelativesByDerivationCountALittle) {
    EXPECT_EQ(ids("Syrie"), (std::vector<std::string>{"related", "alone"}));
    EXPECT_EQ(ids("Alep syrie"), (std::vector<std::string>{"related", "alone"}));
    // The word itself still ranks above its relatives.
    EXPECT_EQ(ids("syrien").front(), "related");
}

TEST_F(Ranking, WordsSnowballWouldConflateStayApart) {
    EXPECT_EQ(ids("maïs"), std::vector<std::string>{"mais"});
    EXPECT_EQ(ids("prix du maïs"), (std::vector<std::string>{"mais", "mai"}));
    EXPECT_EQ(ids("mai"), std::vector<std::string>{"mai"});
    EXPECT_EQ(ids("communistes"), std::vector<std::string>{"communistes"});
    EXPECT_EQ(ids("commune"), std::vector<std::string>{"communes"});
    EXPECT_EQ(ids("petition"), std::vector<std::string>{"petition"});
    EXPECT_EQ(ids("petit"), std::vector<std::string>{"petits"});
}

TEST_F(Ranking, AQuestionsFocusCountsLessThanItsTopic) {
    EXPECT_EQ(ids("Quelle est l'année de la reddition de la Kabylie ?"),
              (std::vector<std::string>{"answer", "dated"}));
    // Without quel, "année" is a word like the others.
    EXPECT_EQ(ids("année de la reddition de la Kabylie"),
              (std::vector<std::string>{"dated", "answer"}));
}

TEST_F(Ranking, TheDispatchOfTheDayTheQueryNamesRanksFirst) {
    const auto first_two = [](const std::string& query) {
        std::vector<std::string> found = ids(query);
        found.resize(std::min<std::size_t>(found.size(), 2));
        return found;
    };
    EXPECT_EQ(first_two("Le maire de Rennes a présenté lundi 18 mai un plan vélo"),
              (std::vector<std::string>{"velo-2020-05-18", "velo-2020-05-11"}));
    EXPECT_EQ(first_two("Le maire de Rennes a présenté lundi 11 mai un plan vélo"),
              (std::vector<std::string>{"velo-2020-05-11", "velo-2020-05-18"}));
    EXPECT_EQ(first_two("Quimper a fermé la piscine jeudi"),
              (std::vector<std::string>{"piscine-2020-05-21", "piscine-2020-05-20"}));
    EXPECT_EQ(first_two("Quimper a fermé la piscine mercredi"),
              (std::vector<std::string>{"piscine-2020-05-20", "piscine-2020-05-21"}));
    // A date's own day before the day after.
    const search::SearchResult wednesday = search("Quimper a fermé la piscine mercredi 20 mai");
    ASSERT_GE(wednesday.hits.size(), 2U);
    EXPECT_EQ(test::ids_of(wednesday).front(), "piscine-2020-05-20");
    EXPECT_GT(wednesday.hits[0].score, wednesday.hits[1].score);
    // A weekday alone also names the day after (a summary of what happened) and, less, the
    // days before (an event to come); after "ce", that day only.
    const search::SearchResult tuesday = search("Quimper a fermé la piscine mardi");
    ASSERT_GE(tuesday.hits.size(), 2U);
    EXPECT_EQ(test::ids_of(tuesday).front(), "piscine-2020-05-20");
    EXPECT_GT(tuesday.hits[0].score, tuesday.hits[1].score);
    EXPECT_EQ(first_two("La piscine de Quimper fermera vendredi"),
              (std::vector<std::string>{"piscine-2020-05-21", "piscine-2020-05-20"}));
    // Without a day named, a date without its weekday, or a day after "ce" that neither is
    // dated on, the twins score the same.
    for (const char* query : {"plan vélo de Rennes", "plan vélo de Rennes du 18 mai",
                              "Quimper a fermé la piscine ce mardi"}) {
        SCOPED_TRACE(query);
        const search::SearchResult result = search(query);
        ASSERT_GE(result.hits.size(), 2U);
        EXPECT_EQ(result.hits[0].score, result.hits[1].score);
    }
}

TEST_F(Ranking, AnOrdinalFindsItsOtherSpellings) {
    for (const char* query : {"2ème tour", "2eme tour", "2nd tour", "2e tour"}) {
        SCOPED_TRACE(query);
        EXPECT_EQ(ids(query).front(), "ordinal");
    }
    for (const char* query : {"19e siècle", "19ème siècle", "XIXe siècle"}) {
        SCOPED_TRACE(query);
        EXPECT_EQ(ids(query).front(), "roman");
    }
}

TEST_F(Ranking, AQuotationAmongOtherWordsAlsoFindsItsWordsApart) {
    EXPECT_EQ(ids("Dati \"la propreté et la tranquillité\""),
              (std::vector<std::string>{"quoted", "apart", "neither"}));
    // Alone, a phrase is a phrase.
    EXPECT_EQ(ids("\"la propreté et la tranquillité\""), std::vector<std::string>{"quoted"});
}

TEST_F(Ranking, InDateOrderTheAutoOperatorAsksForEveryWordFirst) {
    const auto by_date = [](const std::string& query,
                            search::SearchRequest::Sort sort = search::SearchRequest::Sort::date) {
        search::SearchRequest request;
        request.query = query;
        request.snippets = false;
        request.sort = sort;
        return s_index->service().search(request);
    };
    // Newest first among those with every word, not whatever said "vélo" last.
    const search::SearchResult every = by_date("Rennes plan vélo");
    EXPECT_EQ(test::ids_of(every),
              (std::vector<std::string>{"velo-2020-05-18", "velo-2020-05-11"}));
    EXPECT_EQ(every.op, "and");
    // Oldest first, the same ones.
    const search::SearchResult oldest =
        by_date("Rennes plan vélo", search::SearchRequest::Sort::oldest);
    EXPECT_EQ(test::ids_of(oldest),
              (std::vector<std::string>{"velo-2020-05-11", "velo-2020-05-18"}));
    EXPECT_EQ(oldest.op, "and");
    // No dispatch has both: any word, newest first, and the answer says so.
    const search::SearchResult any = by_date("Rennes piscine");
    ASSERT_EQ(any.hits.size(), 4U);
    EXPECT_EQ(any.hits.front().id, "piscine-2020-05-21");
    EXPECT_EQ(any.op, "or");
}

TEST_F(Ranking, AQuotationFoundNowhereIsSearchedAsWordsAndSaysSo) {
    const search::SearchResult words = search("« la tranquillité et la propreté »");
    EXPECT_TRUE(words.corrected);
    EXPECT_EQ(words.suggestion, "la tranquillité et la propreté");
    ASSERT_EQ(words.hits.size(), 2U);
    EXPECT_EQ(search("\"la tranquillité et la propreté\"", false).total, 0U);
    // Still nothing: the answer is the quotation's, nothing is claimed.
    const search::SearchResult none = search("\"xylophones zébrés\"");
    EXPECT_EQ(none.total, 0U);
    EXPECT_FALSE(none.corrected);
    // Nothing but quotes is not a search for everything.
    for (const char* quotes : {"\"\"", "« »", "\"  \" \""}) {
        SCOPED_TRACE(quotes);
        EXPECT_FALSE(search(quotes).corrected);
    }
}

} // namespace
} // namespace depeches
