// French lexical lists: elided articles and pronouns, stop words, question fillers (as folded
// forms), and the words whose Snowball stem must be overridden.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace depeches::analysis {

/// True for the folded forms that elide before an apostrophe: l d j m n s t c qu jusqu lorsqu
/// puisqu quoiqu (as in l'armée, qu'il, jusqu'à). aujourd'hui is not one of them.
bool is_elision(std::string_view folded) noexcept;

/// True for French function words (articles, prepositions, pronouns, conjunctions) that carry
/// no topic on their own. They are indexed (phrases need them) and dropped from loose queries.
/// Content words that are also function words (est, été, sont, fait) are deliberately absent.
bool is_stop_word(std::string_view folded) noexcept;

/// True for the words a query wraps around its topic without meaning it: interrogatives
/// (combien, pourquoi, lesquels…) and the forms of être and avoir (est, sont, ont, été).
/// Indexed like any word; dropped from loose query words like stop words, so that "Quel est
/// le nom du fondateur" searches nom and fondateur.
bool is_query_filler(std::string_view folded) noexcept;

/// True for the interrogative determiner: quel, quelle, quels, quelles. The noun it governs
/// names what kind of answer a question wants ("Quelle est la date de…", "En quelle année…"),
/// a word the answering text seldom says: it says "en 1847".
bool is_interrogative_determiner(std::string_view folded) noexcept;

/// True for the stop words that are also common nouns: "car" (coach), "son" (sound), "ton"
/// (tone). After an article they are the noun, and a query searches them ("un car scolaire",
/// "le ton monte", "au son du canon").
bool is_noun_homograph(std::string_view folded) noexcept;

/// The term of a word that Snowball French would stem into the term of an unrelated word
/// ("maïs" → "mai", the month; "pétition" → "petit"; "communiste" and "communication" →
/// "commun", as "commune"), as Lucene's StemmerOverrideFilter does. `word` is lower case, with
/// its accents or typed without them; nullopt for every other word.
std::optional<std::string_view> stem_override(std::string_view word) noexcept;

/// The term of an ordinal written with digits, the same however it is spelt: "2e", "2ème",
/// "2eme", "2è", "2ième", "2nd", "2nde" and their plurals → "2e"; "1er", "1re", "1ère", "1e"
/// → "1er". `word` is lower case, with its accents or without; nullopt for every other word.
std::optional<std::string> ordinal_term(std::string_view word);

/// The term of an ordinal written in Roman numerals as typeset, upper-case numerals then a
/// lower-case suffix: "XIXe", "XIXème" → "19e" (as "19e siècle"); "Ve" → "5e"; "Ier", "Ire" →
/// "1er". `written` is the word as in the text. Up to C (100); a lone L or C is never one
/// ("Le", "Ce"), nor is a numeral written otherwise ("Vie", "XIXE", "xixe"). nullopt for every
/// other word.
std::optional<std::string> roman_ordinal_term(std::string_view written);

/// For tests: the override table, (word, term) sorted by word.
std::span<const std::pair<std::string_view, std::string_view>> stem_overrides() noexcept;

/// True for the subject pronouns a question hyphenates after its verb: il elle on ils elles ce
/// je tu ("tombe-t-il", "peut-on", "est-ce"). Not nous and vous, which end real compounds
/// (rendez-vous).
bool is_inverted_subject(std::string_view folded) noexcept;

/// For tests: the filler list is sorted (binary search relies on it).
bool query_fillers_sorted() noexcept;

} // namespace depeches::analysis
