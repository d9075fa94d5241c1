// The French analyzer: the one place that turns text into terms, used identically by the
// indexer, the query parser and the highlighter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/analysis/stemmer.hpp"
#include "indexer/analysis/tokenizer.hpp"

namespace depeches::analysis {

/// Version of the analysis; stored in every index. Change it whenever a change to tokenizing,
/// folding, stemming or the word lists would give a different term for some text, so that a
/// daemon never searches an index built with other terms.
inline constexpr std::string_view k_analysis_version = "fr-1";

/// Text → tokens → terms. Not thread-safe (it caches stems): use one per thread.
class Analyzer {
public:
    /// Appends the tokens of `text` to `out` (see tokenize); returns the next free position.
    std::uint32_t tokenize(std::string_view text, std::vector<Token>& out,
                           std::uint32_t first_position = 1) const;

    /// The term a folded form is indexed and searched under: its Snowball French stem.
    /// The reference stays valid until the next call.
    const std::string& term(std::string_view form) { return m_stemmer.stem(form); }

    /// Convenience for tests and tools: the terms of `text`, one per token, as "term[pos]".
    std::vector<std::string> describe(std::string_view text);

private:
    Stemmer m_stemmer;
};

} // namespace depeches::analysis
