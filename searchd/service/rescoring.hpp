// Two-phase ranking, as search engines rescore a window of top hits: the words alone choose
// and rank the candidates (fast: Xapian prunes what cannot reach the top), then the queries
// that only add to a score — exact forms, all the words, proximity — are scored on those
// candidates alone, whose positions are the only ones read.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace depeches::search {

/// A document and its score.
struct Ranked {
    Xapian::docid docid = 0;
    double weight = 0;
    Xapian::doccount copies = 0; ///< documents collapsed into it (Enquire's collapse key)
};

/// The documents of `mset`, in its order.
std::vector<Ranked> ranked_of(const Xapian::MSet& mset);

/// The indexes of `ranked` in the order of their docids: how an index is best read for them.
std::vector<std::size_t> in_docid_order(const std::vector<Ranked>& ranked);

/// The values of `slot` for the documents of `ranked`, in its order. They are read through the
/// slot's value stream in docid order: for a window or a page of hits this reads a few chunks
/// instead of one B-tree lookup per document.
std::vector<std::string> values_of(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Ranked>& ranked);

/// Calls `found(i, wdf)` for each of `ranked` that has `term`, with its wdf, reading the term's
/// posting list once, in docid order (`by_docid`: in_docid_order(ranked)).
template <typename Found>
void for_each_having(const Xapian::Database& db, const std::string& term,
                     const std::vector<Ranked>& ranked, const std::vector<std::size_t>& by_docid,
                     Found found) {
    const Xapian::PostingIterator end;
    Xapian::PostingIterator post = db.postlist_begin(term);
    for (const std::size_t i : by_docid) {
        post.skip_to(ranked[i].docid);
        if (post == end) {
            return;
        }
        if (*post == ranked[i].docid) {
            found(i, post.get_wdf());
        }
    }
}

/// Sorts `ranked` best first; equal scores in docid order, as Enquire ranks them.
void sort_best_first(std::vector<Ranked>& ranked);

/// How many of the best dispatches of a rescored window the last phases weigh (the word
/// associations and the opening): enough for the right one to climb into the first page from
/// below it. Held-out headlines / abstracts MRR@10 (scripts/train_sets.py), associations
/// alone: 10 dispatches 0.6941 / 0.6494, 20 0.6942 / 0.6519, 30 0.6946 / 0.6519; with the
/// opening too, 15 or 60 as 30. Each costs a read of its words.
inline constexpr std::size_t k_finalists = 30;

/// The best of a rescored window and their words (index::k_slot_words values), read once for
/// the last phases, which multiply their weights.
struct Finalists {
    std::vector<Ranked> ranked;     ///< best first
    std::vector<std::string> words; ///< of each of `ranked`
};

/// The best k_finalists of `ranked` (best first) with their words.
Finalists finalists_of(const Xapian::Database& db, const std::vector<Ranked>& ranked);

/// Puts `finalists` back at the head of `ranked`, sorted again. Their weights may only have
/// risen, so the others stay below them.
void put_back(Finalists finalists, std::vector<Ranked>& ranked);

/// `query` AND_MAYBE each of `boosts` in turn: its matches, each scored with what every boost
/// that matches it adds. (In turn, not one AND_MAYBE of their OR: Xapian 1.4 does not check
/// the positions of a NEAR or PHRASE under an OR under AND_MAYBE.)
Xapian::Query with_boosts(Xapian::Query query, const std::vector<Xapian::Query>& boosts);

/// The documents of `window`, each scored its weight plus what `boosts` add to it under
/// `weighting`, best first; equal scores in docid order, as Enquire ranks them. A document's
/// score is the one with_boosts(the window's query, boosts) gives it. `db` must be the single
/// database `window` comes from.
std::vector<Ranked> rescore(const Xapian::Database& db, const Xapian::MSet& window,
                            const std::vector<Xapian::Query>& boosts,
                            const Xapian::Weight& weighting);

/// The same for a window already scored: `window` with what `boosts` add, best first.
std::vector<Ranked> rescore(const Xapian::Database& db, std::vector<Ranked> window,
                            const std::vector<Xapian::Query>& boosts,
                            const Xapian::Weight& weighting);

} // namespace depeches::search
