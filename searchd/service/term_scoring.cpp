// Term-at-a-time BM25: posting lists read a block of documents at a time into an accumulator,
// the best kept in a heap.
#include "searchd/service/term_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "indexer/index/schema.hpp"

namespace depeches::search {

namespace {

/// Documents scored together: the accumulator's size, whatever the index's.
constexpr Xapian::docid k_block = 1U << 16U;

/// How many documents Xapian estimates an OR (or synonym group) of two terms to match, found
/// in `a` and `b` documents: as if independent, rounded.
double or_estimate(double a, double b, const DocumentLengths& lengths) {
    const double documents = lengths.documents();
    return documents == 0 ? 0 : static_cast<Xapian::doccount>(a + b - (a * b / documents) + 0.5);
}

/// The postings of a group of terms, merged: each document once, with its wdfs summed.
struct Source {
    std::vector<Xapian::PostingIterator> posts;
    TermWeight weight;

    /// The next document before `stop`, if any, into `id` and `wdf`.
    bool next(std::uint64_t stop, Xapian::docid& id, Xapian::termcount& wdf) {
        const Xapian::PostingIterator end;
        id = 0;
        for (const Xapian::PostingIterator& post : posts) {
            if (post != end && *post < stop && (id == 0 || *post < id)) {
                id = *post;
            }
        }
        if (id == 0) {
            return false;
        }
        wdf = 0;
        for (Xapian::PostingIterator& post : posts) {
            if (post != end && *post == id) {
                wdf += post.get_wdf();
                ++post;
            }
        }
        return true;
    }
};

/// True when `a` ranks before `b`: a higher weight, or an equal one and a lower docid.
bool better(const Candidate& a, const Candidate& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
}

} // namespace

DocumentLengths::DocumentLengths(const Xapian::Database& db)
    : m_lengths(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0),
      m_documents(db.get_doccount()), m_average(db.get_avlength()) {
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
        m_lengths[*it] = it.get_doclength();
    }
}

DocumentDates::DocumentDates(const Xapian::Database& db)
    : m_dates(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0) {
    for (auto it = db.valuestream_begin(index::k_slot_date);
         it != db.valuestream_end(index::k_slot_date); ++it) {
        m_dates[it.get_docid()] = index::date_number(*it).value_or(0);
    }
}

TermWeight::TermWeight(const Xapian::Database& db, const DocumentLengths& lengths,
                       const std::string& term, double factor, const Bm25& bm25)
    : TermWeight(db.get_termfreq(term), lengths, factor, bm25) {}

TermWeight::TermWeight(double frequency, const DocumentLengths& lengths, double factor,
                       const Bm25& bm25)
    : m_bm25(bm25) {
    // Robertson's idf, as BM25Weight::init takes it: a term in more than a third of the
    // documents gets a small positive weight instead of a negative one.
    const double documents = lengths.documents();
    double idf = (documents - frequency + 0.5) / (frequency + 0.5);
    if (idf < 2) {
        idf = idf * 0.5 + 1;
    }
    m_weight = std::log(idf) * factor * (bm25.k1 + 1);
    m_len_factor = lengths.average() != 0 ? 1 / lengths.average() : 0;
}

double TermWeight::operator()(Xapian::termcount wdf, Xapian::termcount length) const {
    const double normlen = std::max(length * m_len_factor, m_bm25.min_normlen);
    const double wdf_double = wdf;
    const double denom = m_bm25.k1 * (normlen * m_bm25.b + (1 - m_bm25.b)) + wdf_double;
    return m_weight * (wdf_double / denom);
}

FlatWindow match_flat(const Xapian::Database& db, const DocumentLengths& lengths,
                      const std::vector<TermGroup>& groups, std::size_t size, const Bm25& bm25,
                      const DateFilter& filter) {
    FlatWindow window;
    window.terms = groups.size();
    std::vector<Source> sources;
    for (const TermGroup& group : groups) {
        std::vector<Xapian::PostingIterator> posts;
        double frequency = 0;
        for (const std::string& term : group) {
            if (const Xapian::doccount f = db.get_termfreq(term); f > 0) {
                frequency = posts.empty() ? f : or_estimate(frequency, f, lengths);
                posts.push_back(db.postlist_begin(term));
            }
        }
        if (!posts.empty()) {
            sources.push_back({std::move(posts), TermWeight(frequency, lengths, 1.0, bm25)});
        }
    }
    if (size == 0 || sources.empty()) {
        return window;
    }
    std::vector<double> sums(k_block, 0.0);
    std::vector<std::uint32_t> counts(k_block, 0);
    std::vector<Xapian::docid> touched;
    std::vector<Candidate>& best = window.best; // a heap, the worst of the best on top
    const std::uint64_t last = db.get_lastdocid();
    for (std::uint64_t first = 1; first <= last; first += k_block) {
        const std::uint64_t stop = first + k_block;
        for (Source& source : sources) {
            Xapian::docid id = 0;
            Xapian::termcount wdf = 0;
            while (source.next(stop, id, wdf)) {
                const auto slot = static_cast<Xapian::docid>(id - first);
                if (counts[slot]++ == 0) {
                    touched.push_back(slot);
                }
                sums[slot] += source.weight(wdf, lengths[id]);
            }
        }
        for (const Xapian::docid slot : touched) {
            const Candidate candidate{static_cast<Xapian::docid>(first + slot), sums[slot],
                                      counts[slot]};
            sums[slot] = 0;
            counts[slot] = 0;
            if (!filter.keeps(candidate.docid)) {
                continue;
            }
            ++window.matches;
            if (best.size() < size) {
                best.push_back(candidate);
                std::push_heap(best.begin(), best.end(), better);
            } else if (better(candidate, best.front())) {
                std::pop_heap(best.begin(), best.end(), better);
                best.back() = candidate;
                std::push_heap(best.begin(), best.end(), better);
            }
        }
        touched.clear();
    }
    std::sort_heap(best.begin(), best.end(), better);
    return window;
}

std::vector<Ranked> rescore_flat(const Xapian::Database& db, const DocumentLengths& lengths,
                                 const FlatWindow& window, double all_words,
                                 const std::vector<query::WeightedTerm>& boosts, const Bm25& bm25) {
    std::vector<Ranked> ranked;
    ranked.reserve(window.best.size());
    for (const Candidate& c : window.best) {
        // The AND of the terms scaled by all_words weighs all_words times what their OR does.
        const bool every_term = all_words != 0 && c.terms == window.terms;
        ranked.push_back({c.docid, c.weight + (every_term ? all_words * c.weight : 0.0), 0});
    }
    if (!boosts.empty() && !ranked.empty()) {
        const std::vector<std::size_t> by_docid = in_docid_order(ranked);
        for (const query::WeightedTerm& boost : boosts) {
            if (db.get_termfreq(boost.term) == 0) {
                continue;
            }
            const TermWeight weight(db, lengths, boost.term, boost.factor, bm25);
            for_each_having(db, boost.term, ranked, by_docid,
                            [&](std::size_t i, Xapian::termcount wdf) {
                                ranked[i].weight += weight(wdf, lengths[ranked[i].docid]);
                            });
        }
    }
    sort_best_first(ranked);
    return ranked;
}

std::vector<Ranked> rescore_near(const Xapian::Database& db, const DocumentLengths& lengths,
                                 std::vector<Ranked> ranked,
                                 const std::vector<analysis::TermChoice>& parts, double factor,
                                 const Xapian::Query& near, std::size_t shown, const Bm25& bm25,
                                 const Xapian::Weight& weighting) {
    if (ranked.size() <= shown || shown == 0 || parts.size() > 32) {
        return rescore(db, std::move(ranked), {near}, weighting);
    }
    // What the boost adds at most to each, and which parts each has.
    std::vector<double> most(ranked.size(), 0.0);
    std::vector<std::uint32_t> has(ranked.size(), 0);
    const std::vector<std::size_t> by_docid = in_docid_order(ranked);
    for (std::size_t part = 0; part < parts.size(); ++part) {
        for (const std::string& term : parts[part]) {
            if (db.get_termfreq(term) == 0) {
                continue;
            }
            const TermWeight weight(db, lengths, term, factor, bm25);
            for_each_having(db, term, ranked, by_docid, [&](std::size_t i, Xapian::termcount wdf) {
                most[i] += weight(wdf, lengths[ranked[i].docid]);
                has[i] |= 1U << part;
            });
        }
    }
    // A dispatch below this cannot pass any of the best `shown`, whose weights only grow;
    // a margin for rounding keeps one that would tie.
    const double bar = ranked[shown - 1].weight * (1 - 1e-9);
    const std::uint32_t every_part = parts.size() == 32 ? 0xFFFFFFFFU : (1U << parts.size()) - 1;
    std::vector<Ranked> checked;
    std::vector<std::size_t> where;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (has[i] == every_part && ranked[i].weight + most[i] >= bar) {
            checked.push_back(ranked[i]);
            where.push_back(i);
        }
    }
    checked = rescore(db, std::move(checked), {near}, weighting);
    std::unordered_map<Xapian::docid, double> boosted;
    for (const Ranked& r : checked) {
        boosted.emplace(r.docid, r.weight);
    }
    for (const std::size_t i : where) {
        ranked[i].weight = boosted.at(ranked[i].docid);
    }
    sort_best_first(ranked);
    return ranked;
}

} // namespace depeches::search
