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
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/analysis/highlighter.hpp"

namespace depeches::query {

/// How the clauses of a sequence combine when no operator joins them.
enum class DefaultOperator { op_and, op_or };

/// A parsed query, ready for Enquire.
struct ParsedQuery {
    Xapian::Query query; ///< empty (MatchNothing) when the text had nothing to search for
    analysis::HighlightTerms highlight;      ///< what snippets mark (weights still 1)
    std::vector<std::string> positive_terms; ///< analysed terms searched for, in query order
    /// The plain words searched for (not stop words, phrases, compounds or fields), in query
    /// order: what proximity scoring looks for next to each other.
    std::vector<analysis::TermChoice> sequence;
    std::string date_from;         ///< "YYYYMMDD" lower bound from date: in the query, or empty
    std::string date_to;           ///< "YYYYMMDD" upper bound from date: in the query, or empty
    bool fallback = false;         ///< the syntax was not valid: searched as plain words
    std::size_t loose_clauses = 0; ///< number of word clauses combined by the default operator
};

/// The terms of the index that a word typed without accents stands for (the accented
/// spellings recorded by the indexer, see Analyzer::accents_matter); empty when none is known.
using AccentLookup = std::function<std::vector<std::string>(std::string_view form)>;

/// Parses queries. Not thread-safe (it uses an Analyzer): one per thread.
class QueryParser {
public:
    /// `accents` restores the accents of words typed without them; without it, such words
    /// get the term of their unaccented spelling.
    explicit QueryParser(analysis::Analyzer& analyzer, AccentLookup accents = {})
        : m_analyzer(analyzer), m_accents(std::move(accents)) {}

    /// Parses `text` (valid UTF-8) with `op` between juxtaposed clauses.
    ParsedQuery parse(std::string_view text, DefaultOperator op);

private:
    analysis::Analyzer& m_analyzer;
    AccentLookup m_accents;
};

} // namespace depeches::query
