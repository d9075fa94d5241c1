// Scoring what a dispatch says in other words (see associations_scoring.hpp).
#include "searchd/service/associations_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "indexer/index/schema.hpp"

namespace depeches::search {

AssociationScorer::AssociationScorer(const associations::Table& table,
                                     const std::vector<analysis::TermChoice>& words)
    : m_table(table) {
    std::unordered_set<std::string> seen;
    for (const analysis::TermChoice& word : words) {
        if (word.empty() || !seen.insert(word.front()).second) {
            continue;
        }
        ++m_word_count;
        const auto slot = static_cast<std::uint32_t>(m_shares.size());
        double share = 1.0;
        bool known = false;
        for (const std::string& term : word) {
            const std::int64_t index = table.summary_word(term);
            if (index < 0) {
                continue;
            }
            known = true;
            const auto summary_word = static_cast<std::uint32_t>(index);
            share = std::min(share, table.summary_share(summary_word));
            for (const associations::Translation& t : table.translations_into(summary_word)) {
                m_entries.push_back({t.word, slot, t.probability});
            }
        }
        if (known) {
            m_shares.push_back(share);
            for (const std::string& term : word) {
                m_own_terms.emplace_back(term, slot);
            }
        }
    }
    index_entries();
}

void AssociationScorer::index_entries() {
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.body_word < b.body_word; });
    std::size_t capacity = 16;
    while (capacity < 2 * m_entries.size()) {
        capacity *= 2;
    }
    m_filter.assign(capacity, {});
    for (std::size_t first = 0, end = 0; first < m_entries.size(); first = end) {
        const std::uint32_t b = m_entries[first].body_word;
        while (end < m_entries.size() && m_entries[end].body_word == b) {
            ++end;
        }
        const std::uint64_t hash = m_table.body_hash(b);
        std::size_t i = hash & (capacity - 1);
        while (m_filter[i].end != 0) {
            i = (i + 1) & (capacity - 1);
        }
        m_filter[i] = {hash, b, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(end)};
    }
}

std::vector<std::vector<bool>>
AssociationScorer::words_had(const Xapian::Database& db,
                             const std::vector<Ranked>& dispatches) const {
    const std::vector<std::size_t> order = in_docid_order(dispatches);
    std::vector<std::vector<bool>> had(dispatches.size(), std::vector<bool>(m_shares.size()));
    for (const auto& [term, slot] : m_own_terms) {
        Xapian::PostingIterator it = db.postlist_begin(term);
        for (const std::size_t i : order) {
            it.skip_to(dispatches[i].docid);
            if (it == db.postlist_end(term)) {
                break;
            }
            if (*it == dispatches[i].docid) {
                had[i][slot] = true;
            }
        }
    }
    return had;
}

const AssociationScorer::FilterSlot* AssociationScorer::find(std::string_view term) const {
    const std::uint64_t hash = associations::Table::hash_term(term);
    const std::size_t mask = m_filter.size() - 1;
    for (std::size_t i = hash & mask; m_filter[i].end != 0; i = (i + 1) & mask) {
        if (m_filter[i].hash == hash && m_table.body_term(m_filter[i].body_word) == term) {
            return &m_filter[i];
        }
    }
    return nullptr;
}

double AssociationScorer::score(std::string_view words, const std::vector<bool>& had) const {
    std::vector<double> translated(m_shares.size(), 0.0);
    double length = 0;
    index::unpack_words(words, [&](const index::PackedWord& word) {
        const double wdf = word.wdf;
        length += wdf;
        if (const FilterSlot* found = find(word.term); found != nullptr) {
            for (std::uint32_t e = found->first; e < found->end; ++e) {
                translated[m_entries[e].slot] += m_entries[e].probability * wdf;
            }
        }
    });
    double score = 0;
    for (std::size_t slot = 0; slot < m_shares.size(); ++slot) {
        if (!had[slot] && translated[slot] > 0 && length > 0) {
            const double p = translated[slot] / length;
            score += std::log1p(p / (k_association_background * m_shares[slot]));
        }
    }
    return score;
}

void weigh_associations(const Xapian::Database& db, const associations::Table& table,
                        const std::vector<analysis::TermChoice>& words, Finalists& finalists) {
    const AssociationScorer scorer(table, words);
    if (scorer.empty() || finalists.ranked.empty()) {
        return;
    }
    const double per_word = k_association_weight / static_cast<double>(scorer.word_count());
    const std::vector<std::vector<bool>> had = scorer.words_had(db, finalists.ranked);
    for (std::size_t i = 0; i < finalists.ranked.size(); ++i) {
        if (std::find(had[i].begin(), had[i].end(), false) != had[i].end()) {
            finalists.ranked[i].weight *= 1 + per_word * scorer.score(finalists.words[i], had[i]);
        }
    }
}

} // namespace depeches::search
