// Lexing of the reader's query language: operators, quotes, parentheses, field prefixes and
// wildcards; everything else is text for the analyzer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace depeches::query {

/// Kinds of lexemes.
enum class LexemeKind {
    text,     ///< a word as typed (analysed later)
    phrase,   ///< the inside of "…", «…» or “…”
    wildcard, ///< a word typed with a final * (the * removed)
    date,     ///< the value of date:… (a date or range, checked by parse_date_range)
    open_paren,
    close_paren,
    op_or,  ///< OR, OU
    op_and, ///< AND, ET
    op_not, ///< NOT, SAUF
    minus,  ///< - before a word, phrase or parenthesis
    plus,   ///< + before a word, phrase or parenthesis
};

/// One lexeme.
struct Lexeme {
    LexemeKind kind;
    std::string text;  ///< text, phrase, wildcard, date: the characters
    std::string field; ///< "titre" when prefixed by titre: or title:, else empty
};

/// The lexemes of a query, or nothing when quotes are unbalanced.
std::optional<std::vector<Lexeme>> lex_query(std::string_view query);

/// `query` without its quotes (" « » “ ” „), its words separated by single spaces: its
/// phrases as loose words. A query without quotes is returned as is.
std::string without_quotes(std::string_view query);

/// "2016" / "2016-12" / "2016-12-08", or two of them joined by "..", as an inclusive range of
/// "YYYYMMDD" values; nothing when the text is not such a date.
std::optional<std::pair<std::string, std::string>> parse_date_range(std::string_view text);

} // namespace depeches::query
