// Scoring a flat query ourselves, term at a time: the same BM25 weights as Xapian's
// BM25Weight, without its matcher. A query whose words are a plain OR of terms (most short
// queries, half the headlines) spends most of its time in that matcher, reading each match's
// document length from the index and walking its tree of posting lists; here the lengths come from
// a table in memory and each posting list is read straight through, a block of documents at a time.
// The results are those of Enquire: the same windows, the same weights (to rounding), the
// same order, equal weights in docid order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/query/query_parser.hpp"
#include "searchd/service/rescoring.hpp"

namespace depeches::search {

/// The parameters of Xapian::BM25Weight(k1, 0, 1, b, min_normlen): no k2 (no query-length
/// correction) and k3 = 1, which leaves a term that the query has once weighted as it is.
struct Bm25 {
    double k1;
    double b;
    double min_normlen;
};

/// The length of every document of one revision of a database, by docid (0 for none).
class DocumentLengths {
public:
    explicit DocumentLengths(const Xapian::Database& db);

    [[nodiscard]] Xapian::termcount operator[](Xapian::docid id) const {
        return id < m_lengths.size() ? m_lengths[id] : 0;
    }
    [[nodiscard]] Xapian::doccount documents() const { return m_documents; }
    [[nodiscard]] double average() const { return m_average; }

private:
    std::vector<Xapian::termcount> m_lengths;
    Xapian::doccount m_documents = 0;
    double m_average = 0;
};

/// The date of every document of one revision of a database (its date value as a number,
/// YYYYMMDD; 0 for none), by docid: what a date filter keeps.
class DocumentDates {
public:
    explicit DocumentDates(const Xapian::Database& db);

    [[nodiscard]] std::uint32_t operator[](Xapian::docid id) const {
        return id < m_dates.size() ? m_dates[id] : 0;
    }

private:
    std::vector<std::uint32_t> m_dates;
};

/// The documents dated from `from` to `to` (YYYYMMDD, both included), as Xapian's value range
/// on the date slot keeps them; none undated. Without `dates`, every document.
struct DateFilter {
    const DocumentDates* dates = nullptr;
    std::uint32_t from = 0;
    std::uint32_t to = 0xFFFFFFFFU;

    [[nodiscard]] bool keeps(Xapian::docid id) const {
        if (dates == nullptr) {
            return true;
        }
        const std::uint32_t date = (*dates)[id];
        return date != 0 && date >= from && date <= to;
    }
};

/// The lengths and dates of one revision of a database.
struct DocumentTables {
    explicit DocumentTables(const Xapian::Database& db) : lengths(db), dates(db) {}

    DocumentLengths lengths;
    DocumentDates dates;
};

/// One term's BM25 weight in a document, as BM25Weight computes it for the term scaled by
/// `factor` (OP_SCALE_WEIGHT).
class TermWeight {
public:
    TermWeight(const Xapian::Database& db, const DocumentLengths& lengths, const std::string& term,
               double factor, const Bm25& bm25);
    /// The same for a term found in `frequency` documents (a synonym group's estimate).
    TermWeight(double frequency, const DocumentLengths& lengths, double factor, const Bm25& bm25);

    [[nodiscard]] double operator()(Xapian::termcount wdf, Xapian::termcount length) const;

private:
    Bm25 m_bm25;
    double m_weight = 0;     ///< the term's idf × factor × (k1 + 1)
    double m_len_factor = 0; ///< 1 / the average document length
};

/// A document of the first phase's window.
struct Candidate {
    Xapian::docid docid = 0;
    double weight = 0;
    std::uint32_t terms = 0; ///< how many of the query's groups it has
};

/// The best documents of the OR of some terms.
struct FlatWindow {
    std::vector<Candidate> best;  ///< best first; equal weights in docid order
    Xapian::doccount matches = 0; ///< every document with one of the terms, counted
    std::size_t terms = 0;        ///< the query's groups (all of them, even those no document has)
};

/// A term, or two terms Xapian takes as one (OP_SYNONYM: "deces" typed is "deces" or
/// "décès"): their wdfs add up, and their document frequency is estimated as Xapian estimates
/// that of an OR, as if they were independent.
using TermGroup = std::vector<std::string>;

/// The `size` best documents of the OR of `groups` (each term once, weight factor 1) that
/// `filter` keeps, scored as Enquire scores that query with BM25Weight `bm25`. A group has one
/// term or two.
FlatWindow match_flat(const Xapian::Database& db, const DocumentLengths& lengths,
                      const std::vector<TermGroup>& groups, std::size_t size, const Bm25& bm25,
                      const DateFilter& filter = {});

/// The window's documents with what the boosts add, best first (equal weights in docid
/// order): `all_words` times its weight for a document with every term (the AND of the same
/// terms scaled by `all_words`; 0 for none), and each of `boosts`, a scaled term, where it
/// occurs. As rescore() gives them for those boosts.
std::vector<Ranked> rescore_flat(const Xapian::Database& db, const DocumentLengths& lengths,
                                 const FlatWindow& window, double all_words,
                                 const std::vector<query::WeightedTerm>& boosts, const Bm25& bm25);

/// rescore() of `ranked` (best first) for the proximity boost `near`, exact for its best
/// `shown`. `near` must be the OP_NEAR of `parts`, each the OR of its terms, scaled by
/// `factor`: where the parts stand close, Xapian adds `factor` × the BM25 weight of each of
/// their terms the dispatch has, and nothing elsewhere. So a dispatch can gain at most that
/// sum, read here from posting lists, and positions are read only for those that have every
/// part and whose weight plus that sum reaches the `shown`-th best weight. Below the best
/// `shown`, a weight may lack the boost; the best `shown` are those, in the order and with the
/// weights, that rescore() gives. (A short query's window is 1,000 dispatches; a page shows 10.)
std::vector<Ranked> rescore_near(const Xapian::Database& db, const DocumentLengths& lengths,
                                 std::vector<Ranked> ranked,
                                 const std::vector<analysis::TermChoice>& parts, double factor,
                                 const Xapian::Query& near, std::size_t shown, const Bm25& bm25,
                                 const Xapian::Weight& weighting);

} // namespace depeches::search
