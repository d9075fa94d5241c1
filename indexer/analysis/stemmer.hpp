// Snowball French stemming of accented lower-case words, folded after stemming; cached (news
// text repeats its words).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace depeches::analysis {

/// Turns words into terms. Not thread-safe: one per thread (it owns a cache).
class Stemmer {
public:
    Stemmer();

    /// The term of a word given case-folded with its accents: Snowball French stems the
    /// accented word (it needs the accents: "décès" and "dès" are not "dec" and "de"), then the
    /// stem is folded ("évacuations" → "evacu", "décès" → "deces"). Words with digits are only
    /// folded, ordinals spelt one way (ordinal_term: "2ème" → "2e"); the few words Snowball
    /// conflates with unrelated ones get the term of stem_override ("maïs" → "maïs", not the
    /// month's "mai"). The reference stays valid until the next call.
    const std::string& term(std::string_view lower);

    /// The term the same word would get if it had been written without accents: the stem of
    /// its folded form ("deces" → "dec"), or its stem_override. The reference stays valid until
    /// the next call.
    const std::string& unaccented_term(std::string_view form);

private:
    static constexpr std::size_t k_max_cache_entries = 200000;

    /// Looks `word` up in `cache`, computing it with `make` on a miss.
    template <typename Make>
    const std::string& cached(std::unordered_map<std::string, std::string>& cache,
                              std::string_view word, Make&& make);

    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_terms;
    std::unordered_map<std::string, std::string> m_unaccented;
    std::string m_scratch;
};

/// `text` folded code point by code point (lower case, no accents, œ→oe), as the tokenizer
/// folds words.
std::string fold_text(std::string_view text);

} // namespace depeches::analysis
