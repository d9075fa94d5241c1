// Integration: term-at-a-time scoring gives what Enquire gives, on a real index: the same
// windows in the same order (equal weights in docid order), the same weights, the same count
// of matches, and the same rescored scores. Random flat queries over dispatches of random
// words, with copies among them for ties.
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer/index/index_store.hpp"
#include "indexer/index/schema.hpp"
#include "searchd/service/term_scoring.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

const search::Bm25 k_bm25{1.2, 0.75, 0.5};
const Xapian::BM25Weight k_weighting(1.2, 0, 1, 0.75, 0.5);

const std::vector<std::string> k_words{
    "grève",      "transports",    "Lyon",   "ministre",  "santé",   "épidémie",  "vaccin",
    "élections",  "municipales",   "Paris",  "Marseille", "accord",  "syndicats", "retraites",
    "réforme",    "manifestation", "police", "tribunal",  "enquête", "incendie",  "forêt",
    "sécheresse", "agriculteurs",  "prix",   "carburant", "Europe",  "Bruxelles", "sommet"};

class TermScoring : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("term-scoring");
        std::mt19937 random(42);
        std::uniform_int_distribution<std::size_t> word(0, k_words.size() - 1);
        std::uniform_int_distribution<int> length(3, 120);
        std::uniform_int_distribution<int> month(0, 24); // 0: undated
        std::string lines;                               // the same dispatches, dated, in JSONL
        for (int i = 0; i < 160; ++i) {
            std::string body;
            const int n = length(random);
            for (int k = 0; k < n; ++k) {
                body += k_words[word(random)] + (k % 9 == 8 ? ". " : " ");
            }
            const std::string number = std::to_string(i);
            const std::string text =
                std::string("Dépêche ").append(number).append("\n\n").append(body);
            s_index->write(std::string("d").append(number).append(".txt"), text);
            if (i % 10 == 0) { // a copy under another id: the same weights
                s_index->write(std::string("c").append(number).append(".txt"), text);
            }
            const int m = month(random);
            nlohmann::json line{{"id", std::string("j").append(number)},
                                {"title", std::string("Dépêche ").append(number)},
                                {"body", body}};
            if (m > 0) {
                line["date"] = std::to_string(2015 + (m - 1) / 12) + "-" +
                               (((m - 1) % 12) < 9 ? "0" : "") + std::to_string((m - 1) % 12 + 1) +
                               "-15";
            }
            lines.append(line.dump()).push_back('\n');
        }
        s_index->write("dated.jsonl", lines);
        ASSERT_EQ(s_index->index().added, 336U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    /// The unprefixed terms (stems) of the index.
    static std::vector<std::string> stems(const Xapian::Database& db) {
        std::vector<std::string> out;
        for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
            const std::string term = *it;
            if (!term.empty() && std::islower(static_cast<unsigned char>(term[0])) != 0) {
                out.push_back(term);
            }
        }
        return out;
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> TermScoring::s_index;

/// Each term a group of its own.
std::vector<search::TermGroup> singles(const std::vector<std::string>& terms) {
    std::vector<search::TermGroup> groups;
    for (const std::string& term : terms) {
        groups.push_back({term});
    }
    return groups;
}

Xapian::Query or_of(const std::vector<std::string>& terms, Xapian::Query::op op) {
    std::vector<Xapian::Query> leaves(terms.begin(), terms.end());
    return Xapian::Query(op, leaves.begin(), leaves.end());
}

/// Weights equal to rounding: summed in another order, they differ in the last bits.
void expect_same_weight(double ours, double xapian) {
    EXPECT_NEAR(ours, xapian, 1e-9 * std::max(1.0, std::abs(xapian)));
}

/// `window` holds what `mset` holds (Enquire counting every match), in the same order.
void expect_same_window(const search::FlatWindow& window, const Xapian::MSet& mset) {
    EXPECT_EQ(window.matches, mset.get_matches_estimated());
    ASSERT_EQ(window.best.size(), mset.size());
    std::size_t i = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
        EXPECT_EQ(window.best[i].docid, *it) << "rank " << i;
        expect_same_weight(window.best[i].weight, it.get_weight());
    }
}

TEST_F(TermScoring, ReadsEveryDocumentLength) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    EXPECT_EQ(lengths.documents(), db.get_doccount());
    EXPECT_DOUBLE_EQ(lengths.average(), db.get_avlength());
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
        EXPECT_EQ(lengths[id], db.get_doclength(id)) << id;
    }
    EXPECT_EQ(lengths[db.get_lastdocid() + 1], 0U);
}

TEST_F(TermScoring, FindsTheWindowEnquireFinds) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    std::vector<std::string> vocabulary = stems(db);
    ASSERT_GE(vocabulary.size(), 20U);
    vocabulary.push_back("absentdelindex"); // a term no document has
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::shuffle(vocabulary.begin(), vocabulary.end(), random);
        const std::size_t n = 1 + round % 8;
        const std::vector<std::string> terms(vocabulary.begin(),
                                             vocabulary.begin() + static_cast<std::ptrdiff_t>(n));
        const std::size_t size = std::vector<std::size_t>{1, 3, 10, 50, 1000}[round % 5];
        SCOPED_TRACE(::testing::PrintToString(terms) + " window " + std::to_string(size));

        Xapian::Enquire enquire(db);
        enquire.set_query(or_of(terms, Xapian::Query::OP_OR));
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet mset = enquire.get_mset(0, size, db.get_doccount());
        const search::FlatWindow window =
            search::match_flat(db, lengths, singles(terms), size, k_bm25);

        expect_same_window(window, mset);
    }
}

TEST_F(TermScoring, TakesTwoTermsOfASynonymGroupAsXapianDoes) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    std::vector<std::string> vocabulary = stems(db);
    vocabulary.push_back("absentdelindex");
    std::mt19937 random(13);
    for (int round = 0; round < 150; ++round) {
        std::shuffle(vocabulary.begin(), vocabulary.end(), random);
        // One to three groups, each a term or a pair of synonyms.
        std::vector<search::TermGroup> groups;
        std::vector<Xapian::Query> subqueries;
        std::size_t next = 0;
        for (int g = 0; g < 1 + round % 3; ++g) {
            if ((round + g) % 2 == 0) {
                const std::vector<Xapian::Query> pair{Xapian::Query(vocabulary[next]),
                                                      Xapian::Query(vocabulary[next + 1])};
                subqueries.emplace_back(Xapian::Query::OP_SYNONYM, pair.begin(), pair.end());
                groups.push_back({vocabulary[next], vocabulary[next + 1]});
                next += 2;
            } else {
                subqueries.emplace_back(vocabulary[next]);
                groups.push_back({vocabulary[next]});
                next += 1;
            }
        }
        const std::size_t size = std::vector<std::size_t>{1, 10, 1000}[round % 3];
        SCOPED_TRACE(::testing::PrintToString(groups) + " window " + std::to_string(size));
        Xapian::Enquire enquire(db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_OR, subqueries.begin(), subqueries.end()));
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet mset = enquire.get_mset(0, size, db.get_doccount());
        expect_same_window(search::match_flat(db, lengths, groups, size, k_bm25), mset);
    }
}

TEST_F(TermScoring, RescoresAsOneQueryWithTheBoostsWould) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    std::vector<std::string> vocabulary = stems(db);
    std::mt19937 random(11);
    for (int round = 0; round < 100; ++round) {
        std::shuffle(vocabulary.begin(), vocabulary.end(), random);
        const std::size_t n = 1 + round % 5;
        const std::vector<std::string> terms(vocabulary.begin(),
                                             vocabulary.begin() + static_cast<std::ptrdiff_t>(n));
        // Boosts as the parser makes them: exact and truncated forms, scaled, some absent.
        std::vector<query::WeightedTerm> boosts;
        for (const std::string& term : terms) {
            std::string plural = term;
            plural.push_back('s');
            boosts.push_back({index::exact_term(term), 0.5});
            boosts.push_back({index::exact_term(plural), 0.125});
            boosts.push_back({index::truncated_term(term), 0.75});
        }
        std::erase_if(boosts, [](const query::WeightedTerm& b) { return b.term.empty(); });
        const double all_words = round % 2 == 0 ? 0.25 : 0.0;
        SCOPED_TRACE(::testing::PrintToString(terms) + " all words " + std::to_string(all_words));

        const Xapian::Query words = or_of(terms, Xapian::Query::OP_OR);
        std::vector<Xapian::Query> xapian_boosts;
        if (all_words != 0) {
            xapian_boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                       or_of(terms, Xapian::Query::OP_AND), all_words);
        }
        // Proximity for two to four words, which Xapian scores on our window (positions).
        std::vector<Xapian::Query> positional;
        if (n >= 2 && n <= 4) {
            const std::vector<Xapian::Query> leaves(terms.begin(), terms.end());
            positional.emplace_back(
                Xapian::Query::OP_SCALE_WEIGHT,
                Xapian::Query(Xapian::Query::OP_NEAR, leaves.begin(), leaves.end(), 12), 0.25);
            xapian_boosts.push_back(positional.back());
        }
        std::vector<Xapian::Query> scaled;
        for (const query::WeightedTerm& b : boosts) {
            scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(b.term), b.factor);
        }
        xapian_boosts.emplace_back(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
        Xapian::Enquire enquire(db);
        enquire.set_query(words);
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet mset = enquire.get_mset(0, 30, db.get_doccount());
        const std::vector<search::Ranked> expected =
            search::rescore(db, mset, xapian_boosts, k_weighting);

        const search::FlatWindow window =
            search::match_flat(db, lengths, singles(terms), 30, k_bm25);
        std::vector<search::Ranked> ours =
            search::rescore_flat(db, lengths, window, all_words, boosts, k_bm25);
        if (!positional.empty()) {
            ours = search::rescore(db, std::move(ours), positional, k_weighting);
        }
        ASSERT_EQ(ours.size(), expected.size());
        for (std::size_t i = 0; i < ours.size(); ++i) {
            EXPECT_EQ(ours[i].docid, expected[i].docid) << "rank " << i;
            expect_same_weight(ours[i].weight, expected[i].weight);
        }
    }
}

TEST_F(TermScoring, ReadsPositionsOnlyWhereTheyCanChangeTheBest) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    std::vector<std::string> vocabulary = stems(db);
    std::mt19937 random(23);
    std::size_t pruned = 0; // rounds where some dispatch of the window was not checked
    for (int round = 0; round < 200; ++round) {
        std::shuffle(vocabulary.begin(), vocabulary.end(), random);
        const std::size_t n = 2 + round % 3;
        // Parts as the parser makes them: a word, or a word and its other accents.
        std::vector<analysis::TermChoice> parts;
        std::vector<std::string> terms;
        for (std::size_t i = 0; i < n; ++i) {
            parts.push_back({vocabulary[i]});
            if (round % 4 == 0 && i == 0) {
                parts.back().push_back(vocabulary[n + 1]);
            }
            terms.insert(terms.end(), parts.back().begin(), parts.back().end());
        }
        std::vector<Xapian::Query> ors;
        for (const analysis::TermChoice& part : parts) {
            const std::vector<Xapian::Query> leaves(part.begin(), part.end());
            ors.emplace_back(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
        }
        const Xapian::Query near(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_NEAR, ors.begin(), ors.end(), 12),
                                 0.25);
        const search::FlatWindow window =
            search::match_flat(db, lengths, singles(terms), 150, k_bm25);
        const std::vector<search::Ranked> rescored =
            search::rescore_flat(db, lengths, window, 0.25, {}, k_bm25);
        const std::vector<search::Ranked> expected =
            search::rescore(db, rescored, {near}, k_weighting);
        for (const std::size_t shown : {1U, 5U, 10U, 30U}) {
            SCOPED_TRACE(::testing::PrintToString(parts) + " shown " + std::to_string(shown));
            const std::vector<search::Ranked> ours = search::rescore_near(
                db, lengths, rescored, parts, 0.25, near, shown, k_bm25, k_weighting);
            ASSERT_EQ(ours.size(), expected.size());
            for (std::size_t i = 0; i < std::min(shown, ours.size()); ++i) {
                EXPECT_EQ(ours[i].docid, expected[i].docid) << "rank " << i;
                expect_same_weight(ours[i].weight, expected[i].weight);
            }
            for (std::size_t i = 0; i < ours.size(); ++i) {
                if (ours[i].docid != expected[i].docid) {
                    ++pruned;
                    break;
                }
            }
        }
    }
    EXPECT_GT(pruned, 0U); // the bound left dispatches out, below the best shown
}

TEST_F(TermScoring, KeepsOnlyTheDatesOfAFilterAsXapiansValueRangeDoes) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    const search::DocumentDates dates(db);
    std::vector<std::string> vocabulary = stems(db);
    std::mt19937 random(5);
    struct Range {
        std::string from; ///< date values, "" for no bound
        std::string to;
    };
    const std::vector<Range> ranges{{"20150101", "20151231"},
                                    {"20160301", ""},
                                    {"", "20150615"},
                                    {"20150715", "20150715"},
                                    {"20990101", ""}};
    for (int round = 0; round < 50; ++round) {
        std::shuffle(vocabulary.begin(), vocabulary.end(), random);
        const std::vector<std::string> terms(vocabulary.begin(),
                                             vocabulary.begin() + 1 + round % 4);
        const Range& range = ranges[round % ranges.size()];
        SCOPED_TRACE(::testing::PrintToString(terms) + " " + range.from + ".." + range.to);
        const Xapian::Query filter =
            range.to.empty()
                ? Xapian::Query(Xapian::Query::OP_VALUE_GE, index::k_slot_date, range.from)
                : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::k_slot_date,
                                range.from.empty() ? std::string("0") : range.from, range.to);
        Xapian::Enquire enquire(db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, or_of(terms, Xapian::Query::OP_OR), filter));
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet mset = enquire.get_mset(0, 40, db.get_doccount());
        search::DateFilter dated{&dates, 0, 0xFFFFFFFFU};
        if (!range.from.empty()) {
            dated.from = static_cast<std::uint32_t>(std::stoul(range.from));
        }
        if (!range.to.empty()) {
            dated.to = static_cast<std::uint32_t>(std::stoul(range.to));
        }
        const search::FlatWindow window =
            search::match_flat(db, lengths, singles(terms), 40, k_bm25, dated);
        expect_same_window(window, mset);
    }
}

TEST_F(TermScoring, KeepsTheLowerDocidAmongEqualWeights) {
    const Xapian::Database db = index::open_for_reading(s_index->db());
    const search::DocumentLengths lengths(db);
    // The copies weigh exactly what their originals do: equal weights come in docid order,
    // as Enquire gives them.
    const search::FlatWindow all =
        search::match_flat(db, lengths, singles(stems(db)), 1000, k_bm25);
    std::size_t ties = 0;
    for (std::size_t i = 1; i < all.best.size(); ++i) {
        if (all.best[i].weight == all.best[i - 1].weight) {
            ++ties;
            EXPECT_LT(all.best[i - 1].docid, all.best[i].docid);
        }
    }
    EXPECT_GE(ties, 10U);
}

} // namespace
} // namespace depeches
