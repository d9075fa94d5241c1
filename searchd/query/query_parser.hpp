// The reader's query language → a Xapian query, analysed with the indexer's French analyzer.
//
// Grammar (operators are upper case, so "ou" and "et" stay words):
//   sequence := clause*                     clauses combined with the default operator
//   clause   := ("-" | "NOT" | "SAUF") unit            excluded
//             | "+" unit                               required
//             | unit ( ("OR" | "OU" | "AND" | "ET") unit )*
//   unit     := "(" sequence ")" | field? ( '"' phrase '"' | word "*" | words ) | "date:" range
//   field    := "titre:" | "title:"
// An operator binds the words on either side of it, as in web search engines:
// `armée syrienne OR russe` = armée AND (syrienne OR russe). Consecutive plain words are
// analysed as one run, so "8 000" stays one number and "cessez-le-feu" one compound, which
// matches as a phrase of its parts or as its joined form. Lone stop words are dropped unless
// the query has nothing else. A query that is not valid syntax (unbalanced quotes or
// parentheses, a dangling operator, a bad date) is searched as plain words.
// Loose words also match the corrections of a word the index barely knows (typos), with less
// weight; the corrections of a word no dispatch has, nor the language, replace it, in a
// compound's phrase too.
// And they match their synonyms (OSDH ↔ Observatoire syrien des droits de l'Homme).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/analysis/highlighter.hpp"
#include "searchd/query/named_days.hpp"

namespace depeches::query {

/// How the clauses of a sequence combine when no operator joins them.
enum class DefaultOperator { op_and, op_or };

/// A word the typo tolerance also searched under other spellings ("rufin", also "ruffin").
struct AlsoSearched {
    std::string word;              ///< as typed, lower case
    std::vector<std::string> also; ///< the index's words searched with it, lower case
};

/// A term and the factor its weight is scaled by (Xapian's OP_SCALE_WEIGHT).
struct WeightedTerm {
    std::string term;
    double factor = 1;
};

/// A parsed query, ready for Enquire.
struct ParsedQuery {
    Xapian::Query query; ///< empty (MatchNothing) when the text had nothing to search for
    analysis::HighlightTerms highlight;      ///< what snippets mark (weights still 1)
    std::vector<std::string> positive_terms; ///< analysed terms searched for, in query order
    /// The plain words searched for (not stop words, phrases, compounds or fields), in query
    /// order: what proximity scoring looks for next to each other.
    std::vector<analysis::TermChoice> sequence;
    /// Every word searched for, stop words and a compound's parts too, in query order, each
    /// its terms (not typo corrections): what word associations translate (see
    /// search::AssociationScorer; the corrections of a word no dispatch has, translated too,
    /// made misspelt short OrangeSum queries 0.3901 → 0.3829 MRR@10).
    std::vector<analysis::TermChoice> words;
    /// The same words as searched: a word no dispatch has is the corrections that stand in for
    /// it. What dispatches' openings are weighed for (search::weigh_openings).
    std::vector<analysis::TermChoice> words_searched;
    /// Scoring-only terms of the words searched for, in phrases too (their exact forms, see
    /// schema.hpp), each weighted: they add to the score of a match, never make one.
    std::vector<WeightedTerm> boosts;
    /// The days the words searched for name ("lundi 18 mai", "a annoncé jeudi"): dispatches of
    /// those days score a little more (see named_days.hpp).
    std::vector<NamedDay> days;
    std::string date_from; ///< "YYYYMMDD" lower bound from date: in the query, or empty
    std::string date_to;   ///< "YYYYMMDD" upper bound from date: in the query, or empty
    /// The words searched with their typo corrections too, in query order, each once.
    std::vector<AlsoSearched> also_searched;
    bool fallback = false;         ///< the syntax was not valid: searched as plain words
    std::size_t loose_clauses = 0; ///< number of word clauses combined by the default operator
};

/// The words a word the index barely knows (a typo) is also searched under.
struct TypoCorrections {
    std::vector<std::string> words; ///< lower case, best first; empty when the word is known
    /// No dispatch has the word as typed, under any spelling or inflection, and it is no word
    /// of the language either: its corrections stand in for it. Only said of a word that has
    /// corrections.
    bool unknown = false;
};

/// A word as the reader typed it, for typo tolerance.
struct TypedWord {
    std::string_view form;  ///< folded ("syrie")
    std::string_view lower; ///< case-folded, with the accents typed ("syrie", "décès")
    bool name = false;      ///< typed as a name (analysis::typed_as_name: "la Syrie")
};

/// What the index knows about words, asked by the parser while it builds the query. Each
/// may be left empty; the parser then searches the words as typed.
struct WordSources {
    /// The terms of the accented spellings the index knows of a word typed without accents
    /// (see Analyzer::accents_matter); empty when none.
    std::function<std::vector<std::string>(std::string_view form)> accents;
    /// The corrections of a word the index barely knows (a typo), given the word and its
    /// terms; no words when the word is known well enough.
    std::function<TypoCorrections(const TypedWord& word, const analysis::TermChoice& terms)> typos;
    /// Lower-case texts meaning the same as the words whose folded forms, joined by spaces,
    /// are `key` (acronyms and full names, curated variants); empty when none.
    std::function<std::vector<std::string>(std::string_view key)> synonyms;
};

/// Weight of a typo correction relative to the word as typed, when some dispatch or the language
/// has that word: its own dispatches rank first. The corrections of an unknown word replace it,
/// with its weight, their exact and truncated forms included ("archvêque" finds what
/// "archevêque" finds, ranked alike). With half weight and no forms, the dispatch a misspelt
/// word was looking for often fell behind those with the query's other words only
/// (scripts/eval_typos.py: one typo per short query kept 84 % of MRR@10, now 94 %).
inline constexpr double k_typo_weight = 0.5;
/// Weight of a synonym: none. A synonym makes a dispatch match, but only literal words score,
/// so a dispatch that only has the synonym always ranks below one that has the word (BM25 of a
/// short dispatch's full name could otherwise outweigh a long dispatch's acronym).
inline constexpr double k_synonym_weight = 0.0;
/// Weight of a word's exact form (unstemmed, folded), on top of its stem's: the form typed
/// ranks above the other inflections of its stem.
inline constexpr double k_exact_weight = 0.5;
/// Weight of a word's truncated form (see index::truncated_term), once per query: the
/// dispatches that also use its relatives by derivation, which stemming keeps apart ("syrien"
/// for "Syrie", "électoral" for "élections"), rank a little higher.
inline constexpr double k_truncated_weight = 0.75;
/// Weight of a word's exact accented form, when typed with accents, on top of its folded one's.
inline constexpr double k_accent_weight = 0.125;
/// Weight of a question's focus, the noun after quel/quelle ("Quelle est la date de la
/// reddition", "En quelle année"): it names the kind of answer, which the answering text gives
/// ("en 1847") more often than it names it.
inline constexpr double k_question_focus_weight = 0.25;
/// Longest run of words looked up as a synonym key.
inline constexpr std::size_t k_max_synonym_words = 8;

/// Parses queries. Not thread-safe (it uses an Analyzer): one per thread.
class QueryParser {
public:
    /// `sources` restore accents, tolerate typos and add synonyms; without them, the words
    /// are searched as typed.
    explicit QueryParser(analysis::Analyzer& analyzer, WordSources sources = {})
        : m_analyzer(analyzer), m_sources(std::move(sources)) {}

    /// Parses `text` (valid UTF-8) with `op` between juxtaposed clauses.
    ParsedQuery parse(std::string_view text, DefaultOperator op);

private:
    analysis::Analyzer& m_analyzer;
    WordSources m_sources;
};

} // namespace depeches::query
