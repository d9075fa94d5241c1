// Scoring what a dispatch says in other words: the query's words it lacks, translated from the
// words it has by the associations learned from headlines and bodies (associations/table.hpp).
// A ranking phase over the best few of the rescored window (Finalists).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/highlighter.hpp"
#include "indexer/associations/table.hpp"
#include "searchd/service/rescoring.hpp"

namespace depeches::search {

/// The weight of the association score: a dispatch's score is multiplied by 1 + this times
/// its association score over the number of query words. Tuned on the held-out OrangeSum
/// sets (scripts/train_sets.py; headlines and abstracts MRR@10 summed: 0.75 1.3465, 1.0 1.3456,
/// 1.5 1.3332).
inline constexpr double k_association_weight = 0.75;
/// A translation counts against this share of the word's background probability (how often
/// summaries have it): lower, and rare words' translations weigh more (0.05 1.3434, 0.1
/// 1.3465, 0.2 1.3463 as above).
inline constexpr double k_association_background = 0.1;

/// The association scores of one query's words over a few dispatches.
class AssociationScorer {
public:
    /// For `words`, each a choice of terms (stop words included: they count in the number of
    /// words), over `dispatches`. Reads which of the words each dispatch has from the words'
    /// posting lists, in docid order: only a dispatch that lacks one can score, and only the
    /// words some dispatch lacks are translated. `table` must outlive the scorer.
    AssociationScorer(const associations::Table& table,
                      const std::vector<analysis::TermChoice>& words, const Xapian::Database& db,
                      const std::vector<Ranked>& dispatches);

    /// True when no dispatch can score: the table knows none of the words, or every dispatch
    /// has all those it knows.
    bool empty() const { return m_entries.empty(); }
    /// Number of distinct words (by their first term).
    std::size_t word_count() const { return m_word_count; }

    /// For each word the table knows that dispatch `i` lacks, log(1 + p / (k_association_background
    /// × the word's share of summaries)), summed; p is the sum over the dispatch's words u of
    /// t(word | u) × u's frequency / the dispatch's number of words. `words` is its
    /// index::k_slot_words value.
    double score(std::size_t i, std::string_view words) const;

private:
    /// A body word that says one of the words (slot), with t(the word | body word).
    struct Entry {
        std::uint32_t body_word = 0;
        std::uint32_t slot = 0;
        float probability = 0;
    };
    /// A body word of the entries, found by the hash of its term, and where its entries are.
    struct FilterSlot {
        std::uint64_t hash = 0;
        std::uint32_t body_word = 0;
        std::uint32_t first = 0; ///< its first entry
        std::uint32_t end = 0;   ///< one past its last entry; 0: an empty slot
    };
    /// Which of the known words (by slot) each of `dispatches` has, under any of their terms.
    std::vector<std::vector<bool>> words_had(const Xapian::Database& db,
                                             const std::vector<Ranked>& dispatches) const;
    /// Groups the entries by body word and fills m_filter.
    void index_entries();
    /// The slot of the body word whose term is `term`, or null when no entry has it.
    const FilterSlot* find(std::string_view term) const;

    const associations::Table& m_table;
    std::vector<double> m_shares; ///< slot (a word the table knows) -> its least share
    std::vector<Entry> m_entries; ///< grouped by body word
    /// The entries' body words by hash (open addressing, linear probing): each word of a
    /// dispatch is looked up here, in a table a few thousand words small. In the whole table's
    /// hash map, cache misses cost as much as reading the words; a binary search over the
    /// entries per word did too.
    std::vector<FilterSlot> m_filter;
    /// The known words' own terms, each with its slot.
    std::vector<std::pair<std::string, std::uint32_t>> m_own_terms;
    std::vector<std::vector<bool>> m_had; ///< dispatch -> slot -> has the word
    std::size_t m_word_count = 0;
};

/// Multiplies the score of each of `finalists` by 1 + k_association_weight × its association
/// score / the number of distinct words.
void weigh_associations(const Xapian::Database& db, const associations::Table& table,
                        const std::vector<analysis::TermChoice>& words, Finalists& finalists);

} // namespace depeches::search
