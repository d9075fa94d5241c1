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
inline constexpr std::string_view k_analysis_version = "fr-7";

/// Text → tokens → terms. Not thread-safe (it caches stems): use one per thread.
class Analyzer {
public:
    /// Appends the tokens of `text` to `out` (see tokenize); returns the next free position.
    std::uint32_t tokenize(std::string_view text, std::vector<Token>& out,
                           std::uint32_t first_position = 1) const;

    /// The term a token is indexed and searched under: the Snowball French stem of its accented
    /// lower-case form, folded (see Stemmer::term). The reference stays valid until the next
    /// call.
    const std::string& term(const Token& token) { return m_stemmer.term(token.lower); }

    /// True when this token has accents that its term depends on: written without them it
    /// would get another term ("décès" → "deces", but "deces" → "dec"). The indexer records
    /// these spellings so that a query typed without accents finds the accented word.
    bool accents_matter(const Token& token);

    /// The term `form` gets when it is typed as is, without accents.
    const std::string& unaccented_term(std::string_view form) {
        return m_stemmer.unaccented_term(form);
    }

    /// Convenience for tests and tools: the terms of `text`, one per token, as "term[pos]".
    std::vector<std::string> describe(std::string_view text);

private:
    Stemmer m_stemmer;
};

} // namespace depeches::analysis
