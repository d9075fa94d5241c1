// What the corpus teaches about words beyond single terms: the lower-case text of a run of
// tokens, the phrases of a headline (search-as-you-type), and acronyms defined in the text,
// as in "Observatoire syrien des droits de l'Homme (OSDH)" (synonyms).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/analysis/tokenizer.hpp"

namespace depeches::analysis {

/// An acronym and the full name it abbreviates, both lower case with their accents.
struct AcronymDefinition {
    std::string acronym;   ///< "osdh"
    std::string full_name; ///< "observatoire syrien des droits de l'homme"
    bool operator==(const AcronymDefinition&) const = default;
};

/// Longest headline phrase kept, in tokens, and shortest.
inline constexpr std::size_t k_max_phrase_tokens = 3;
inline constexpr std::size_t k_min_phrase_tokens = 2;
/// Acronym lengths recognised, in letters.
inline constexpr std::size_t k_min_acronym_letters = 2;
inline constexpr std::size_t k_max_acronym_letters = 8;

/// Byte offset in `text` where the word of `token` starts: after its elided article ("l'",
/// "qu’"), or token.begin when it has none.
std::size_t word_begin(std::string_view text, const Token& token);

/// The elided article at the start of `token`, folded and written with "'" whatever the
/// apostrophe and case ("L’" → "l'"); empty when it has none.
std::string elided_article(std::string_view text, const Token& token);

/// True when the word of `token` begins with a capital where no sentence begins, as French
/// writes names: "Madame de Maintenon", "l'Inter" (after an elided article, even a sentence's
/// first), "ONU". Not the capital of a sentence's first word: at the start of `text`, after
/// . ! ? … : or a line break, or opening a quote ("Il a dit « Maintenant »").
bool written_as_name(std::string_view text, const Token& token);

/// True when every letter of the word of `token` is a capital and it has two or more ("ONU",
/// "GOUVERNEMENT"): it says nothing of the word being a name when a reader types it.
bool written_in_capitals(std::string_view text, const Token& token);

/// True when a reader typed the word of `token` as a name: written_as_name, but not in
/// capitals ("Madame de Maintenon", not "MAINTENON").
bool typed_as_name(std::string_view text, const Token& token);

/// The lower-case text of tokens [first, last] of `text`: each token's accented lower form,
/// with an elided article kept ("l'homme"), separated by single spaces. The tokens must be
/// words (not compound wholes).
std::string span_text(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last);

/// True when nothing but white space separates tokens `a` and `b` (b after a) in `text`:
/// they belong to one stretch of words, with no punctuation between them.
bool adjacent(std::string_view text, const Token& a, const Token& b);

/// The phrases of a headline worth completing: runs of 2 to 3 adjacent words that start and
/// end on a content word ("état islamique", "droits de l'homme"), lower case, without a
/// leading elided article, deduplicated.
std::vector<std::string> headline_phrases(std::string_view text, const std::vector<Token>& tokens);

/// The acronyms that `text` defines by a full name followed by the acronym in parentheses,
/// where the full name's content words give the acronym's letters in order (function words
/// may be skipped): "Organisation des Nations unies (ONU)" → {"onu", "organisation des
/// nations unies"}.
std::vector<AcronymDefinition> find_acronyms(std::string_view text,
                                             const std::vector<Token>& tokens);

} // namespace depeches::analysis
