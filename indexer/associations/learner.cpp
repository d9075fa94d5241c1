// Learning word associations: IBM Model 1 over (summary, body) pairs.
#include "indexer/associations/learner.hpp"

#include <algorithm>
#include <limits>

#include "indexer/analysis/french.hpp"

namespace depeches::associations {
namespace {

constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

/// The pairs in the learned vocabulary's dense indexes.
struct Corpus {
    std::vector<std::uint32_t> summary_ids;            ///< dense summary word -> word id
    std::vector<std::uint32_t> body_ids;               ///< dense body word -> word id
    std::vector<std::uint32_t> summary_counts;         ///< dense summary word -> summaries
    std::vector<std::vector<std::uint32_t>> bodies;    ///< dense body words, sorted
    std::vector<std::uint32_t> pair_body;              ///< pair -> index into bodies
    std::vector<std::vector<std::uint32_t>> summaries; ///< pair -> dense summary words, sorted
};

/// t(summary word w | body word u) for every pair of words some pair has together, one row
/// per summary word, its body words sorted (compressed sparse rows).
struct Model {
    std::vector<std::size_t> row_start; ///< summary word -> first entry; one past the last
    std::vector<std::uint32_t> body;    ///< entry -> dense body word
    std::vector<float> t;               ///< entry -> probability
};

/// Maps ids to dense indexes: those whose count passes `keep`.
template <typename Keep>
std::vector<std::uint32_t> dense_indexes(const std::vector<std::uint32_t>& counts, Keep keep,
                                         std::vector<std::uint32_t>& ids) {
    std::vector<std::uint32_t> index(counts.size(), k_none);
    for (std::uint32_t id = 0; id < counts.size(); ++id) {
        if (keep(counts[id])) {
            index[id] = static_cast<std::uint32_t>(ids.size());
            ids.push_back(id);
        }
    }
    return index;
}

std::vector<std::uint32_t> remapped(const std::vector<std::uint32_t>& words,
                                    const std::vector<std::uint32_t>& index) {
    std::vector<std::uint32_t> out;
    for (const std::uint32_t id : words) {
        if (index[id] != k_none) {
            out.push_back(index[id]);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Every body word each summary word meets in some pair, sorted: the model's entries.
Model entries_of(const Corpus& corpus) {
    std::vector<std::vector<std::uint32_t>> pairs_of(corpus.summary_ids.size());
    for (std::uint32_t p = 0; p < corpus.summaries.size(); ++p) {
        for (const std::uint32_t w : corpus.summaries[p]) {
            pairs_of[w].push_back(p);
        }
    }
    Model model;
    model.row_start.push_back(0);
    std::vector<std::uint32_t> seen(corpus.body_ids.size(), k_none);
    for (std::uint32_t w = 0; w < pairs_of.size(); ++w) {
        const std::size_t start = model.body.size();
        for (const std::uint32_t p : pairs_of[w]) {
            for (const std::uint32_t u : corpus.bodies[corpus.pair_body[p]]) {
                if (seen[u] != w) {
                    seen[u] = w;
                    model.body.push_back(u);
                }
            }
        }
        std::sort(model.body.begin() + static_cast<std::ptrdiff_t>(start), model.body.end());
        model.row_start.push_back(model.body.size());
    }
    model.t.assign(model.body.size(), 0.0F);
    return model;
}

/// The E step: for each pair and summary word w, the entries of w's body words, and to each
/// the share of w it explains, t(w|u) / sum over the body of t(w|u'); or 1 each when
/// `cooccurrence` (the starting counts). Returns the counts per entry.
std::vector<float> expected_counts(const Corpus& corpus, const Model& model, bool cooccurrence) {
    std::vector<float> counts(model.body.size(), 0.0F);
    std::vector<std::size_t> at;
    for (std::size_t p = 0; p < corpus.summaries.size(); ++p) {
        const std::vector<std::uint32_t>& body = corpus.bodies[corpus.pair_body[p]];
        for (const std::uint32_t w : corpus.summaries[p]) {
            at.clear();
            auto it = model.body.begin() + static_cast<std::ptrdiff_t>(model.row_start[w]);
            const auto end =
                model.body.begin() + static_cast<std::ptrdiff_t>(model.row_start[w + 1]);
            double total = 0;
            for (const std::uint32_t u : body) {
                it = std::lower_bound(it, end, u);
                if (it == end) {
                    break;
                }
                if (*it == u) {
                    const auto entry = static_cast<std::size_t>(it - model.body.begin());
                    at.push_back(entry);
                    total += model.t[entry];
                }
            }
            for (const std::size_t entry : at) {
                counts[entry] += cooccurrence ? 1.0F : static_cast<float>(model.t[entry] / total);
            }
        }
    }
    return counts;
}

/// The M step: t(w|u) = count(w, u) / the counts of u with every summary word.
void normalize(Model& model, const std::vector<float>& counts, std::size_t body_words) {
    std::vector<double> per_body_word(body_words, 0.0);
    for (std::size_t e = 0; e < counts.size(); ++e) {
        per_body_word[model.body[e]] += counts[e];
    }
    for (std::size_t e = 0; e < counts.size(); ++e) {
        const double total = per_body_word[model.body[e]];
        model.t[e] = total > 0 ? static_cast<float>(counts[e] / total) : 0.0F;
    }
}

/// The table of `model`: the summary words not too common, and for each body word its
/// translations into them, likeliest first (a word's translation into itself left out: a
/// dispatch that has the query's word is scored for it anyway).
Table table_of(const Corpus& corpus, const Model& model, const LearnOptions& options,
               const std::vector<std::string>& terms, std::size_t pairs) {
    Table table;
    table.set_pairs(static_cast<std::uint32_t>(pairs));
    std::vector<std::uint32_t> kept(corpus.summary_ids.size(), k_none);
    for (std::uint32_t w = 0; w < kept.size(); ++w) {
        if (corpus.summary_counts[w] < options.max_summary_share * static_cast<double>(pairs)) {
            kept[w] =
                table.add_summary_word(terms[corpus.summary_ids[w]], corpus.summary_counts[w]);
        }
    }
    std::vector<std::vector<Translation>> rows(corpus.body_ids.size());
    for (std::uint32_t w = 0; w < kept.size(); ++w) {
        for (std::size_t e = model.row_start[w]; e < model.row_start[w + 1]; ++e) {
            const std::uint32_t u = model.body[e];
            if (kept[w] != k_none && model.t[e] >= options.min_probability &&
                corpus.body_ids[u] != corpus.summary_ids[w]) {
                rows[u].push_back({kept[w], model.t[e]});
            }
        }
    }
    for (std::uint32_t u = 0; u < rows.size(); ++u) {
        if (!rows[u].empty()) {
            table.add_body_word(terms[corpus.body_ids[u]], rows[u]);
        }
    }
    return table;
}

} // namespace

std::uint32_t Learner::id_of(const std::string& term) {
    const auto [it, added] = m_ids.try_emplace(term, static_cast<std::uint32_t>(m_terms.size()));
    if (added) {
        m_terms.push_back(term);
    }
    return it->second;
}

std::vector<std::uint32_t> Learner::words_of(std::string_view text) {
    m_tokens.clear();
    m_analyzer.tokenize(text, m_tokens);
    std::vector<std::uint32_t> ids;
    for (const analysis::Token& token : m_tokens) {
        if (!analysis::is_stop_word(token.form)) {
            ids.push_back(id_of(m_analyzer.term(token)));
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void Learner::add(std::string_view body, const std::vector<std::string_view>& summaries) {
    std::vector<std::uint32_t> body_words = words_of(body);
    if (body_words.empty()) {
        return;
    }
    ++m_body_total;
    m_body_counts.resize(m_terms.size(), 0);
    for (const std::uint32_t id : body_words) {
        ++m_body_counts[id];
    }
    const auto body_index = static_cast<std::uint32_t>(m_bodies.size());
    bool paired = false;
    for (const std::string_view summary : summaries) {
        std::vector<std::uint32_t> words = words_of(summary);
        if (!words.empty()) {
            m_pairs.push_back({body_index, std::move(words)});
            paired = true;
        }
    }
    if (paired) {
        m_bodies.push_back(std::move(body_words));
    }
}

Table Learner::learn(const LearnOptions& options) const {
    std::vector<std::uint32_t> summary_counts(m_terms.size(), 0);
    std::vector<std::uint32_t> body_counts(m_terms.size(), 0);
    for (const Pair& pair : m_pairs) {
        for (const std::uint32_t id : pair.summary) {
            ++summary_counts[id];
        }
        for (const std::uint32_t id : m_bodies[pair.body]) {
            ++body_counts[id];
        }
    }
    const double pairs = static_cast<double>(m_pairs.size());
    Corpus corpus;
    const std::vector<std::uint32_t> summary_index = dense_indexes(
        summary_counts, [&](std::uint32_t n) { return n >= options.min_count; },
        corpus.summary_ids);
    const std::vector<std::uint32_t> body_index = dense_indexes(
        body_counts,
        [&](std::uint32_t n) {
            return n >= options.min_count && n <= options.max_body_share * pairs;
        },
        corpus.body_ids);
    for (const std::uint32_t id : corpus.summary_ids) {
        corpus.summary_counts.push_back(summary_counts[id]);
    }
    for (const std::vector<std::uint32_t>& body : m_bodies) {
        corpus.bodies.push_back(remapped(body, body_index));
    }
    for (const Pair& pair : m_pairs) {
        corpus.pair_body.push_back(pair.body);
        corpus.summaries.push_back(remapped(pair.summary, summary_index));
    }

    Model model = entries_of(corpus);
    normalize(model, expected_counts(corpus, model, true), corpus.body_ids.size());
    for (int i = 0; i < options.iterations; ++i) {
        normalize(model, expected_counts(corpus, model, false), corpus.body_ids.size());
    }
    return table_of(corpus, model, options, m_terms, m_pairs.size());
}

std::optional<std::uint32_t> Learner::thesaurus_word(std::string_view word) {
    m_tokens.clear();
    m_analyzer.tokenize(word, m_tokens);
    if (m_tokens.size() != 1 || analysis::is_stop_word(m_tokens.front().form)) {
        return std::nullopt;
    }
    return id_of(m_analyzer.term(m_tokens.front()));
}

Table Learner::learn_thesaurus(const std::vector<ThesaurusEntry>& thesaurus,
                               const ThesaurusOptions& options) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links; // (word, synonym), both ways
    for (const ThesaurusEntry& entry : thesaurus) {
        const std::optional<std::uint32_t> word = thesaurus_word(entry.word);
        if (!word) {
            continue;
        }
        for (const std::string& synonym : entry.synonyms) {
            const std::optional<std::uint32_t> other = thesaurus_word(synonym);
            if (other && *other != *word) {
                links.emplace_back(*word, *other);
                links.emplace_back(*other, *word);
            }
        }
    }
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    m_body_counts.resize(m_terms.size(), 0);
    const auto in_bodies = [this](std::uint32_t id) { return m_body_counts[id] > 0; };

    Table table;
    table.set_pairs(static_cast<std::uint32_t>(std::max<std::size_t>(m_body_total, 1)));
    std::vector<std::uint32_t> summary_index(m_terms.size(), k_none);
    for (const auto& [word, synonym] : links) {
        if (summary_index[word] == k_none && in_bodies(synonym)) {
            summary_index[word] = table.add_summary_word(
                m_terms[word], std::max<std::uint32_t>(m_body_counts[word], 1));
        }
    }
    std::vector<std::vector<Translation>> rows(m_terms.size());
    for (const auto& [word, synonym] : links) {
        if (summary_index[word] != k_none && in_bodies(synonym)) {
            rows[synonym].push_back({summary_index[word], options.probability});
        }
    }
    for (std::uint32_t id = 0; id < rows.size(); ++id) {
        if (!rows[id].empty()) {
            table.add_body_word(m_terms[id], rows[id]);
        }
    }
    return table;
}

} // namespace depeches::associations
