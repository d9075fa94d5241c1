// Spelling help from the index's vocabulary: the corrections a typo'd word is also searched
// under, the "did you mean" suggestion for a whole query, and completions as the reader types.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/analysis/highlighter.hpp"
#include "searchd/query/query_parser.hpp"
#include "searchd/vocab/language.hpp"
#include "searchd/vocab/lexicon.hpp"

namespace depeches::search {

/// Corrections searched for one typo'd word, at most.
inline constexpr std::size_t k_max_typo_corrections = 3;

/// Dispatches that contain the word with folded form `form` and terms `terms`, under any
/// spelling or inflection.
Xapian::doccount known_count(const vocab::Lexicon& lexicon, const Xapian::Database& db,
                             std::string_view form, const analysis::TermChoice& terms);

/// The lower-case words a typo'd word is also searched under (see Lexicon::corrections); for
/// a spelling no dispatch has whose stem is known ("Macronn"), the known spellings of that stem.
/// Unknown when neither a dispatch (known_count 0) nor the `language` has the word: a word of
/// the language no dispatch has ("magicienne" among Wikipedia paragraphs) is not a typo, nor a
/// spelling of a known stem that the language has ("contenues", where dispatches write "contenu").
/// None for a word with digits (numbers, ordinals, codes). A word typed as a `name`
/// ("Madame de Maintenon") is corrected only into words the dispatches write as names
/// (Entry::is_name): "Maintenon" is no typo of "maintenant", nor "Syrie" of "série".
query::TypoCorrections typo_corrections(const vocab::Lexicon& lexicon,
                                        const vocab::Language& language, const Xapian::Database& db,
                                        analysis::Analyzer& analyzer, const query::TypedWord& word,
                                        const analysis::TermChoice& terms);

/// Of `typo.words` (the typo_corrections of a word indexed under `terms`), those the spelling
/// suggestion offers instead of it. All of them for an unknown word. For a word some dispatch
/// or the language has, only those one of its dispatches writes too: then the dispatches
/// themselves misspell the frequent word ("immgration" beside "immigration"). Otherwise it is a
/// word of its own, searched with its neighbours below it but not corrected: Rufin is not
/// Ruffin, nor Loison poison (on OrangeSum, 87 % of the words found in 1 to 4 dispatches with a
/// ten times more frequent word one edit away share no dispatch with it; among a sample, nearly
/// all were such words).
std::vector<std::string> suggested_corrections(const Xapian::Database& db,
                                               const analysis::TermChoice& terms,
                                               const query::TypoCorrections& typo);

/// The corrections of a word, best first, given the word and its terms (typo_corrections, or
/// a cache of it).
using Corrector = std::function<std::vector<std::string>(const query::TypedWord& word,
                                                         const analysis::TermChoice& terms)>;

/// For each of `candidates` (lower-case words), how well it goes with the words `with` (the
/// words typed before the one completed, or the other words of a query): above 0 when it is
/// found with them more often than by chance, the more often and the further above chance the
/// higher (see SearchService); empty when it cannot tell (no word but stop words, or no
/// dispatch has them all).
using Cooccurrence = std::function<std::vector<double>(const std::vector<analysis::Token>& with,
                                                       const std::vector<std::string>& candidates)>;

/// True when some dispatch writes the compound whose parts' folded forms, joined by hyphens,
/// are `key` ("mont-saint-michel").
using WrittenCompound = std::function<bool(std::string_view key)>;

/// `query` with each word the index barely knows replaced by its best correction ("Alepp" →
/// "Alep"), the rest of the text (operators, quotes, punctuation) as typed; none when every
/// word is known. Of a word's nearest corrections, those with the accents typed ("rôlle" →
/// "rôle", not "roll"); of those, the one `together` finds goes best with the words next to it
/// (those left as typed, stop words aside) is the best ("tué couos" → "tué coups", not
/// "cours"); without it, or when none goes with them, the most frequent. The parts of a
/// compound are corrected only into a compound `written` says some dispatch writes.
std::optional<std::string> spelling_suggestion(std::string_view query, const Corrector& corrector,
                                               analysis::Analyzer& analyzer,
                                               const Cooccurrence& together = {},
                                               const WrittenCompound& written = {});

/// A completion of what the reader is typing: the whole query it would become.
struct Completion {
    std::string text;
    std::string kind; ///< "phrase" (a headline phrase) or "word"
    Xapian::doccount count = 0;
};

/// Words completing the last one that are looked at, at most, when `together` ranks them.
inline constexpr std::size_t k_context_candidates = 100;

/// Completions of `typed`: headline phrases that continue its last words, then words that
/// complete its last word, at most `limit`. The words come most frequent first, without the
/// long tail of misspellings and glued words (see drop_tail); after other words, when
/// `together` is given, those that go with them come first, best first ("Macron Mer": Merkel
/// before mercredi). A hyphen just typed ("Jean-") asks for the compounds that begin so.
std::vector<Completion> completions(std::string_view typed, const vocab::Lexicon& lexicon,
                                    std::size_t limit, const Cooccurrence& together = {});

} // namespace depeches::search
