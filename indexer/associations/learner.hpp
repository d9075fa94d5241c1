// Learning word associations from dispatches that have a headline or an abstract: which body
// words a summary's words come with. IBM Model 1 (Brown et al. 1993), as Berger and Lafferty
// (1999) use it for retrieval: each word of a summary is "translated" from some word of the
// body, and expectation-maximisation finds t(summary word | body word) over every pair. An
// archive without summaries gets its associations from a thesaurus instead (learn_thesaurus).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/associations/table.hpp"
#include "indexer/associations/thesaurus.hpp"

namespace depeches::associations {

/// What learn() keeps; the defaults are the ones measured (see ARCHITECTURE.md).
struct LearnOptions {
    /// A word is learned only when this many summaries (or bodies) have it: rarer ones are
    /// noise.
    std::uint32_t min_count = 3;
    /// Body words in more pairs than this share are left out: they go with everything.
    double max_body_share = 0.2;
    /// Summary words in more summaries than this share are not written: a query word that
    /// common says nothing a translation could add.
    double max_summary_share = 0.05;
    /// Expectation-maximisation rounds after the co-occurrence start.
    int iterations = 3;
    /// Translations below this probability are not written (they are most of the table and
    /// add little: measured in ARCHITECTURE.md).
    float min_probability = 0.005F;
};

/// What learn_thesaurus() gives each synonym; the default is the one measured.
struct ThesaurusOptions {
    /// t(word | synonym) for every synonym, however many meanings the words have: on the
    /// held-out OrangeSum sets without a learned table, 0.1 lifted headlines 0.6793 → 0.6855
    /// and abstracts 0.6385 → 0.6408 MRR@10; 0.2 gave 0.6835 / 0.6405, 0.5 0.6792 / 0.6441,
    /// 1 / the synonym's number of synonyms 0.6825 / 0.6399.
    float probability = 0.1F;
};

/// Collects (summary, body) pairs, then learns the table. Not thread-safe.
class Learner {
public:
    /// Adds a dispatch: its body and each summary written for it (headline, abstract), as
    /// text. A summary makes one pair with the body; empty ones are skipped.
    void add(std::string_view body, const std::vector<std::string_view>& summaries);

    /// Number of pairs added.
    std::size_t pairs() const { return m_pairs.size(); }
    /// Number of dispatches added that have a word in their body, with a summary or not.
    std::size_t bodies() const { return m_body_total; }

    /// Learns the associations of the pairs added.
    Table learn(const LearnOptions& options = {}) const;

    /// The associations of a thesaurus instead: a word and each of its synonyms (one word
    /// each, not a stop word, as the analyzer's terms) translate into each other with the same
    /// probability. A summary word's share is the share of the bodies added that have it (at
    /// least one), and only words some body has are body words.
    Table learn_thesaurus(const std::vector<ThesaurusEntry>& thesaurus,
                          const ThesaurusOptions& options = {});

private:
    /// The ids of the distinct content words of `text` (stop words left out), sorted.
    std::vector<std::uint32_t> words_of(std::string_view text);
    /// The id of a thesaurus word's term, when it is one word and not a stop word.
    std::optional<std::uint32_t> thesaurus_word(std::string_view word);
    std::uint32_t id_of(const std::string& term);

    struct Pair {
        std::uint32_t body = 0;             ///< index into m_bodies
        std::vector<std::uint32_t> summary; ///< word ids, sorted
    };

    analysis::Analyzer m_analyzer;
    std::vector<analysis::Token> m_tokens;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_terms;                 ///< id -> term
    std::vector<std::vector<std::uint32_t>> m_bodies; ///< word ids, sorted
    std::vector<Pair> m_pairs;
    std::vector<std::uint32_t> m_body_counts; ///< id -> bodies having it
    std::size_t m_body_total = 0;
};

} // namespace depeches::associations
