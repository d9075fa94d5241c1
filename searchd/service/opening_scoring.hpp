// Scoring how much of the query a dispatch opens with. News writing puts the essentials first:
// the dispatch about the query has its words in its title and first sentences, where one that
// tells them in passing has them further down. A ranking phase over the best few of the
// rescored window, after the word associations (the BM25 weights of the first phases already
// count a lead word once more, index::k_lead_wdf; this weighs the whole query's share instead).
// It follows the word associations over the same Finalists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/highlighter.hpp"
#include "searchd/service/rescoring.hpp"

namespace depeches::search {

/// A dispatch's opening: its title, abstract and dateline, and this many positions of its body
/// (every word, stop words included: about 120 others). Held-out headlines / abstracts MRR@10
/// (scripts/train_sets.py) at weight 0.25: 150 positions 0.6976 / 0.6530, 200 0.7014 / 0.6542,
/// 300 0.7004 / 0.6550.
inline constexpr std::uint32_t k_opening_positions = 200;
/// A dispatch's score is multiplied by 1 + this times the share of the query words' weight
/// (their IDF) that its opening has. As above, at 200 positions: 0.15 0.6984 / 0.6543, 0.25
/// 0.7014 / 0.6542, 0.3 0.7020 / 0.6548, 0.4 0.7010 / 0.6550 (0.6946 / 0.6519 without).
inline constexpr double k_opening_weight = 0.3;

/// Multiplies the score of each of `finalists` by 1 + k_opening_weight × the share of the
/// weight of `words` (each a choice of terms, weighed by log(N / df) of its most frequent
/// term) that the dispatch's opening has, read from its words.
void weigh_openings(const Xapian::Database& db, const std::vector<analysis::TermChoice>& words,
                    Finalists& finalists);

} // namespace depeches::search
