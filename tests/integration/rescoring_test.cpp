// Integration: rescoring a window of the words' best matches gives each candidate the score
// one query with the boosts would give it, on a real index, positional boosts included.
#include <algorithm>
#include <iterator>
#include <memory>

#include <gtest/gtest.h>

#include "indexer/analysis/stemmer.hpp"
#include "indexer/index/index_store.hpp"
#include "indexer/index/schema.hpp"
#include "searchd/service/rescoring.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

class Rescoring : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("rescoring");
        // "grève" and "transports" side by side, far apart, alone; some with the plural.
        const std::string filler = " Les usagers attendent sur les quais depuis le matin, et la "
                                   "direction promet un retour à la normale dans la soirée.";
        s_index->write("close.txt", "Lyon\n\nLa grève des transports paralyse Lyon.\n");
        s_index->write("closer.txt", "Lille\n\nGrève transports : Lille à l'arrêt." + filler);
        s_index->write("far.txt", "Nantes\n\nUne grève commence à Nantes." + filler + filler +
                                      " Les transports scolaires sont maintenus.\n");
        s_index->write("greves.txt", "Rennes\n\nGrèves, grèves et grèves à Rennes.\n");
        s_index->write("transport.txt", "Brest\n\nLe transport maritime reprend." + filler);
        s_index->write("none.txt", "Metz\n\nLa foire de Metz ouvre ses portes.\n");
        ASSERT_EQ(s_index->index().added, 6U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> Rescoring::s_index;

/// A search for "grève transports" with the boosts the service adds by default.
struct GreveTransports {
    Xapian::Query words;
    std::vector<Xapian::Query> boosts;

    GreveTransports() {
        analysis::Stemmer stemmer;
        const std::string greve = stemmer.term("grève");
        const std::string transports = stemmer.term("transports");
        const std::vector<Xapian::Query> terms{Xapian::Query(greve, 1, 1),
                                               Xapian::Query(transports, 1, 2)};
        words = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()), 0.25);
        const std::vector<Xapian::Query> near{Xapian::Query(greve), Xapian::Query(transports)};
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_NEAR, near.begin(), near.end(), 3),
                            0.25);
        const std::vector<Xapian::Query> exact{Xapian::Query(index::exact_term("greve")),
                                               Xapian::Query(index::exact_term("transports"))};
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_OR, exact.begin(), exact.end()), 0.5);
    }
};

const Xapian::BM25Weight k_weighting(1.2, 0, 1, 0.75, 0.5);

/// The best `n` matches of `query`.
Xapian::MSet matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount n) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(k_weighting);
    return enquire.get_mset(0, n);
}

/// The best `n` matches of `query`, as rescore() returns them.
std::vector<search::Ranked> ranked_by(const Xapian::Database& db, const Xapian::Query& query,
                                      Xapian::doccount n) {
    std::vector<search::Ranked> out;
    const Xapian::MSet mset = matches(db, query, n);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.push_back({*it, it.get_weight()});
    }
    return out;
}

TEST_F(Rescoring, GivesTheWindowTheScoresOfOneQueryWithTheBoosts) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const GreveTransports q;
    const std::vector<search::Ranked> expected =
        ranked_by(db, search::with_boosts(q.words, q.boosts), 10);
    ASSERT_EQ(expected.size(), 5U);

    const std::vector<search::Ranked> rescored =
        search::rescore(db, matches(db, q.words, 10), q.boosts, k_weighting);
    ASSERT_EQ(rescored.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(rescored[i].docid, expected[i].docid) << "rank " << i;
        EXPECT_NEAR(rescored[i].weight, expected[i].weight, 1e-9) << "rank " << i;
    }
    // The boosts reorder: by the words alone, "grèves" thrice ranks above both words apart.
    const auto order = [](const std::vector<search::Ranked>& list) {
        std::vector<Xapian::docid> ids;
        for (const search::Ranked& r : list) {
            ids.push_back(r.docid);
        }
        return ids;
    };
    EXPECT_NE(order(ranked_by(db, q.words, 10)), order(rescored));
}

TEST_F(Rescoring, ChecksThePositionsOfEveryBoost) {
    // "far.txt" has both words, too far apart for the NEAR boost: it gets the all-words boost
    // only, rescored or not.
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const GreveTransports q;
    const Xapian::docid far = *db.postlist_begin(index::id_term("far"));
    const std::vector<search::Ranked> words = ranked_by(db, q.words, 10);
    const std::vector<search::Ranked> all_words =
        ranked_by(db, search::with_boosts(q.words, {q.boosts[0], q.boosts[2]}), 10);
    const std::vector<search::Ranked> rescored =
        search::rescore(db, matches(db, q.words, 10), q.boosts, k_weighting);
    const auto weight_of = [far](const std::vector<search::Ranked>& list) {
        for (const search::Ranked& r : list) {
            if (r.docid == far) {
                return r.weight;
            }
        }
        return -1.0;
    };
    EXPECT_GT(weight_of(all_words), weight_of(words));
    EXPECT_NEAR(weight_of(ranked_by(db, search::with_boosts(q.words, q.boosts), 10)),
                weight_of(all_words), 1e-9);
    EXPECT_NEAR(weight_of(rescored), weight_of(all_words), 1e-9);
}

TEST_F(Rescoring, RescoresOnlyTheWindow) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const GreveTransports q;
    const Xapian::MSet window = matches(db, q.words, 2);
    const std::vector<search::Ranked> rescored = search::rescore(db, window, q.boosts, k_weighting);
    ASSERT_EQ(rescored.size(), 2U);
    std::vector<Xapian::docid> in_window{*window.begin(), *std::next(window.begin())};
    for (const search::Ranked& r : rescored) {
        EXPECT_NE(std::find(in_window.begin(), in_window.end(), r.docid), in_window.end());
    }
}

} // namespace
} // namespace depeches
