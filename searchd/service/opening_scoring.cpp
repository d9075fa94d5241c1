// Scoring how much of the query a dispatch opens with (see opening_scoring.hpp).
#include "searchd/service/opening_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>

#include "indexer/index/schema.hpp"

namespace depeches::search {
namespace {

/// A term of a query word, with the word's index.
struct WordTerm {
    std::string term;
    std::uint32_t word = 0;
};

} // namespace

void weigh_openings(const Xapian::Database& db, const std::vector<analysis::TermChoice>& words,
                    Finalists& finalists) {
    if (finalists.ranked.empty()) {
        return;
    }
    const double documents = db.get_doccount();
    std::vector<double> weights;
    std::vector<WordTerm> terms;
    std::unordered_set<std::string> seen;
    for (const analysis::TermChoice& word : words) {
        if (word.empty() || !seen.insert(word.front()).second) {
            continue;
        }
        Xapian::doccount frequency = 0;
        for (const std::string& term : word) {
            frequency = std::max(frequency, db.get_termfreq(term));
        }
        if (frequency == 0) {
            continue;
        }
        const auto index = static_cast<std::uint32_t>(weights.size());
        weights.push_back(std::log(documents / frequency));
        for (const std::string& term : word) {
            terms.push_back({term, index});
        }
    }
    double total = 0;
    for (const double w : weights) {
        total += w;
    }
    if (total <= 0) {
        return;
    }
    // A dispatch's words are packed in term order: merged with the query's terms, sorted alike.
    std::sort(terms.begin(), terms.end(),
              [](const WordTerm& a, const WordTerm& b) { return a.term < b.term; });

    std::vector<bool> opens(weights.size());
    for (std::size_t i = 0; i < finalists.ranked.size(); ++i) {
        std::fill(opens.begin(), opens.end(), false);
        std::size_t next = 0;
        index::unpack_words(finalists.words[i], [&](const index::PackedWord& word) {
            while (next < terms.size() && std::string_view(terms[next].term) < word.term) {
                ++next;
            }
            for (std::size_t t = next; t < terms.size() && terms[t].term == word.term; ++t) {
                if (word.first < k_opening_positions) {
                    opens[terms[t].word] = true;
                }
            }
        });
        double share = 0;
        for (std::size_t w = 0; w < weights.size(); ++w) {
            share += opens[w] ? weights[w] : 0;
        }
        finalists.ranked[i].weight *= 1 + k_opening_weight * share / total;
    }
}

} // namespace depeches::search
