// Recursive-descent parser over a small lexer. Lexing splits on white space and recognises
// operators, quotes, parentheses, field prefixes and the * suffix; consecutive plain words are
// merged back into one text run so that the analyzer sees "8 000" and compounds whole.
#include "searchd/query/query_parser.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "indexer/analysis/french.hpp"
#include "indexer/analysis/stemmer.hpp"
#include "indexer/analysis/word_spans.hpp"
#include "indexer/index/schema.hpp"
#include "searchd/query/query_lexer.hpp"

namespace depeches::query {

namespace {

/// Shortest prefix accepted before a * (shorter ones would expand to half the vocabulary).
constexpr std::size_t k_min_wildcard_prefix = 2;
/// Most terms a wildcard expands to (the most frequent are kept).
constexpr Xapian::termcount k_max_wildcard_terms = 200;
/// Most terms the wildcards of one query expand to together: each gets its share, so that
/// "ma* ma* ma* …" costs what one wildcard does, not a hundred times that.
constexpr Xapian::termcount k_max_wildcard_terms_per_query = 400;

/// Most terms each of the wildcards among `lexemes` expands to.
Xapian::termcount wildcard_share(const std::vector<Lexeme>& lexemes) {
    const auto count = std::count_if(lexemes.begin(), lexemes.end(), [](const Lexeme& lexeme) {
        return lexeme.kind == LexemeKind::wildcard;
    });
    if (count == 0) {
        return k_max_wildcard_terms;
    }
    return std::clamp<Xapian::termcount>(k_max_wildcard_terms_per_query /
                                             static_cast<Xapian::termcount>(count),
                                         1, k_max_wildcard_terms);
}

/// Most words checked in a row for a phrase: a longer one is matched as consecutive phrases,
/// each of at most this many words, all required. Checking the positions of 300 words in a
/// row for every candidate took 0.36 s; no quotation needs more to be found.
constexpr std::size_t k_max_phrase_words = 16;

/// A syntax error: the caller falls back to plain words.
struct SyntaxError {};

/// One clause of a sequence, and how it takes part.
struct Clause {
    enum class Occur { loose, required, excluded };
    Xapian::Query query;
    Occur occur = Occur::loose;
    bool stop_word = false; ///< a lone stop word: dropped from loose clauses when others exist
    /// A quoted phrase's words, any of them anywhere: what the phrase also scores as a loose
    /// clause among others (see combine)
    Xapian::Query scattered = {};
};

using analysis::TermChoice;

/// One analysed word: a plain word, or a compound's parts and whole.
struct Word {
    std::vector<TermChoice> parts; ///< at consecutive positions
    TermChoice whole;              ///< the compound's joined form, if any
    bool stop_word = false;
    std::string key;    ///< folded forms of the parts, joined by spaces
    bool plain = false; ///< a plain word (not a number, acronym or compound)
    std::string lower;  ///< as typed, lower case with its accents (a compound: its first part)
    double weight = 1;  ///< of its clause (not its boosts): less for a question's focus
    std::vector<std::string> part_lowers{}; ///< a compound's parts as typed, lower case
    bool name = false; ///< typed as a name ("Maintenon" in "Madame de Maintenon")
};

class Parser {
public:
    Parser(analysis::Analyzer& analyzer, const WordSources& sources,
           const std::vector<Lexeme>& lexemes, DefaultOperator op, ParsedQuery& out)
        : m_analyzer(analyzer), m_sources(sources), m_lexemes(lexemes), m_op(op), m_out(out),
          m_wildcard_terms(wildcard_share(lexemes)) {}

    Xapian::Query parse() {
        Xapian::Query query = parse_sequence();
        if (m_pos != m_lexemes.size()) {
            throw SyntaxError{};
        }
        return query;
    }

private:
    [[nodiscard]] std::optional<LexemeKind> peek_kind() const {
        return m_pos < m_lexemes.size() ? std::make_optional(m_lexemes[m_pos].kind) : std::nullopt;
    }

    bool accept(LexemeKind kind) {
        if (peek_kind() == kind) {
            ++m_pos;
            return true;
        }
        return false;
    }

    /// Clauses up to the end or a closing parenthesis, combined.
    Xapian::Query parse_sequence() {
        std::vector<Clause> clauses;
        while (peek_kind() && peek_kind() != LexemeKind::close_paren) {
            parse_clause(clauses);
        }
        return combine(clauses);
    }

    void parse_clause(std::vector<Clause>& clauses) {
        if (accept(LexemeKind::op_not) || accept(LexemeKind::minus)) {
            const bool was_negated = m_negated;
            m_negated = true;
            // Excluding a stop word or a question's filler would exclude nearly everything:
            // in pasted prose the dash is punctuation ("fut -elle", "-C'est").
            for (Clause& c : parse_unit(true)) {
                if (!c.stop_word) {
                    clauses.push_back({std::move(c.query), Clause::Occur::excluded, false});
                }
            }
            m_negated = was_negated;
            return;
        }
        if (accept(LexemeKind::plus)) {
            for (Clause& c : parse_unit(true)) {
                clauses.push_back({std::move(c.query), Clause::Occur::required, false});
            }
            return;
        }
        std::vector<Clause> units = parse_unit(false);
        while (peek_kind() == LexemeKind::op_or || peek_kind() == LexemeKind::op_and) {
            const bool is_or = accept(LexemeKind::op_or);
            if (!is_or) {
                accept(LexemeKind::op_and);
            }
            const auto next = peek_kind();
            if (!next || next == LexemeKind::close_paren || next == LexemeKind::op_or ||
                next == LexemeKind::op_and) {
                throw SyntaxError{};
            }
            std::vector<Clause> right = parse_unit(false);
            if (units.empty() || right.empty()) {
                std::move(right.begin(), right.end(), std::back_inserter(units));
                continue;
            }
            // The operator binds the words on either side of it: a b OR c = a (b OR c).
            Clause left = std::move(units.back());
            units.pop_back();
            units.push_back({Xapian::Query(is_or ? Xapian::Query::OP_OR : Xapian::Query::OP_AND,
                                           left.query, right.front().query),
                             is_or ? Clause::Occur::loose : Clause::Occur::required, false});
            std::move(right.begin() + 1, right.end(), std::back_inserter(units));
        }
        std::move(units.begin(), units.end(), std::back_inserter(clauses));
    }

    /// The clauses of one unit: a group, a phrase, a wildcard, a date filter (none), or a run
    /// of plain words (one clause per word; only the first word when `single`).
    std::vector<Clause> parse_unit(bool single) {
        if (m_pos >= m_lexemes.size()) {
            throw SyntaxError{};
        }
        const Lexeme& lexeme = m_lexemes[m_pos++];
        switch (lexeme.kind) {
        case LexemeKind::open_paren: {
            Xapian::Query inner = parse_sequence();
            if (!accept(LexemeKind::close_paren) || inner.empty()) {
                throw SyntaxError{};
            }
            return {{std::move(inner), Clause::Occur::loose, false}};
        }
        case LexemeKind::phrase:
            return phrase_clauses(lexeme.text, field_prefix(lexeme.field));
        case LexemeKind::wildcard:
            return wildcard_clauses(lexeme.text, field_prefix(lexeme.field));
        case LexemeKind::date:
            set_date(lexeme.text);
            return {};
        case LexemeKind::text: {
            std::string run = lexeme.text;
            while (!single && lexeme.field.empty() && m_pos < m_lexemes.size() &&
                   m_lexemes[m_pos].kind == LexemeKind::text && m_lexemes[m_pos].field.empty()) {
                run += ' ';
                run += m_lexemes[m_pos++].text;
            }
            return word_clauses(run, field_prefix(lexeme.field));
        }
        default:
            throw SyntaxError{};
        }
    }

    /// The terms a token stands for: its own and, typed without accents, those of the
    /// accented spellings the index knows ("deces" is also "décès"; "des" also "dès", and
    /// still "des", as capitals are often written without accents).
    TermChoice choice_of(const analysis::Token& token) {
        TermChoice choice{m_analyzer.term(token)};
        if (token.lower == token.form && m_sources.accents) {
            for (std::string& term : m_sources.accents(token.form)) {
                if (std::find(choice.begin(), choice.end(), term) == choice.end()) {
                    choice.push_back(std::move(term));
                }
            }
        }
        return choice;
    }

    /// True when a determiner comes before `token` (an elided "l'" or "d'", or one of cet, en,
    /// un, chaque as the word before it): then a filler that is also a noun is the noun, and
    /// searched ("cet été", "vacances d'été", "l'Est de l'Allemagne"), not the verb of "a été",
    /// "c'est", "où est".
    static bool is_determined(std::string_view text, const analysis::Token& token,
                              std::string_view previous) {
        if (const std::string elided = analysis::elided_article(text, token); !elided.empty()) {
            return elided == "l'" || elided == "d'";
        }
        return previous == "cet" || previous == "en" || previous == "un" || previous == "chaque";
    }

    /// True when `previous`, the word before a stop word that is also a noun (car, son, ton),
    /// makes it the noun: a masculine article or demonstrative, which never stands before the
    /// conjunction "car" or the possessives ("un car", "le ton", "au son", "ce car").
    static bool is_article(std::string_view previous) {
        return previous == "le" || previous == "un" || previous == "du" || previous == "au" ||
               previous == "ce";
    }

    /// Whether `token` (after the word whose key is `previous`) is left out of loose words: a
    /// stop word but a noun after an article or a word with a term of its own ("maïs", not
    /// "mais"), or a question's filler but a noun after a determiner.
    static bool is_left_out(std::string_view text, const analysis::Token& token,
                            std::string_view previous) {
        if (analysis::is_stop_word(token.form)) {
            return !(analysis::is_noun_homograph(token.form) && is_article(previous)) &&
                   !analysis::stem_override(token.lower);
        }
        return analysis::is_query_filler(token.form) && !is_determined(text, token, previous);
    }

    std::vector<Word> analyse(std::string_view text) {
        m_tokens.clear();
        m_analyzer.tokenize(text, m_tokens);
        std::vector<Word> words;
        bool in_compound = false;
        for (const analysis::Token& token : m_tokens) {
            switch (token.kind) {
            case analysis::TokenKind::compound_part:
                if (token.part == 0 || !in_compound) {
                    words.emplace_back();
                    words.back().lower = token.lower; // the verb of "tombe-t-il"
                    in_compound = true;
                }
                words.back().parts.push_back(choice_of(token));
                words.back().part_lowers.push_back(token.lower);
                words.back().key += words.back().key.empty() ? "" : " ";
                words.back().key += token.form;
                break;
            case analysis::TokenKind::compound_whole:
                if (in_compound) {
                    words.back().whole = choice_of(token);
                }
                in_compound = false;
                break;
            default:
                words.push_back({{choice_of(token)},
                                 {},
                                 is_left_out(text, token, words.empty() ? "" : words.back().key),
                                 token.form,
                                 token.kind == analysis::TokenKind::word,
                                 token.lower});
                words.back().name = analysis::typed_as_name(text, token);
                in_compound = false;
                break;
            }
        }
        for (Word& word : words) {
            drop_inverted_subject(word);
        }
        weigh_question_focus(words);
        return words;
    }

    /// The first word searched after quel, quelle, quels or quelles ("Quel est le métier de
    /// Nicolas Thomas", "En quelle année") names the kind of answer wanted: it still matches,
    /// but weighs k_question_focus_weight.
    static void weigh_question_focus(std::vector<Word>& words) {
        bool after_determiner = false;
        for (Word& word : words) {
            if (analysis::is_interrogative_determiner(word.key)) {
                after_determiner = true;
            } else if (after_determiner && !word.stop_word) {
                word.weight = k_question_focus_weight;
                after_determiner = false;
            }
        }
    }

    /// The folded forms of a word's parts (its key, split).
    static std::vector<std::string> forms_of(const Word& word) {
        std::vector<std::string> forms;
        for (std::size_t begin = 0, end = 0; end != std::string::npos; begin = end + 1) {
            end = word.key.find(' ', begin);
            forms.push_back(word.key.substr(begin, end - begin));
        }
        return forms;
    }

    /// A question's verb with its subject hyphenated after it ("tombe-t-il", "peut-on") is the
    /// verb alone: as a compound it would only match the same inversion, and the text that
    /// answers the question says "il tombe".
    static void drop_inverted_subject(Word& word) {
        if (word.parts.size() < 2) {
            return;
        }
        std::vector<std::string> forms = forms_of(word);
        std::size_t kept = forms.size();
        if (kept != word.parts.size() || !analysis::is_inverted_subject(forms[kept - 1])) {
            return;
        }
        --kept;
        if (kept >= 2 && forms[kept - 1] == "t") {
            --kept; // the euphonic t of "a-t-il"
        }
        if (kept == 0) {
            return;
        }
        word.parts.resize(kept);
        word.part_lowers.resize(kept);
        word.whole.clear();
        forms.resize(kept);
        word.key = forms.front();
        for (std::size_t i = 1; i < kept; ++i) {
            word.key += ' ' + forms[i];
        }
        if (kept == 1) {
            word.plain = true;
            word.stop_word =
                analysis::is_stop_word(word.key) || analysis::is_query_filler(word.key);
        }
    }

    /// One word's query at query position `position`: its term, or the synonyms it stands for
    /// (OR inside phrases, which Xapian's phrase matching accepts).
    static Xapian::Query choice_query(const TermChoice& choice, const std::string& prefix,
                                      Xapian::termpos position, bool in_phrase) {
        if (choice.size() == 1) {
            return {prefix + choice.front(), 1, position};
        }
        std::vector<Xapian::Query> terms;
        for (const std::string& term : choice) {
            terms.emplace_back(prefix + term, 1, position);
        }
        return {in_phrase ? Xapian::Query::OP_OR : Xapian::Query::OP_SYNONYM, terms.begin(),
                terms.end()};
    }

    /// A phrase query over `parts` (a single word's query when there is one).
    /// A longer phrase is matched as consecutive phrases of about k_max_phrase_words each,
    /// all required.
    static Xapian::Query phrase_query(const std::vector<TermChoice>& parts,
                                      const std::string& prefix) {
        if (parts.size() == 1) {
            return choice_query(parts.front(), prefix, 1, false);
        }
        const std::size_t pieces = (parts.size() + k_max_phrase_words - 1) / k_max_phrase_words;
        std::vector<Xapian::Query> phrases;
        for (std::size_t piece = 0; piece < pieces; ++piece) {
            std::vector<Xapian::Query> queries;
            for (std::size_t i = parts.size() * piece / pieces;
                 i < parts.size() * (piece + 1) / pieces; ++i) {
                queries.push_back(choice_query(
                    parts[i], prefix, static_cast<Xapian::termpos>(queries.size() + 1), true));
            }
            phrases.emplace_back(Xapian::Query::OP_PHRASE, queries.begin(), queries.end(),
                                 static_cast<Xapian::termcount>(queries.size()));
        }
        return phrases.size() == 1
                   ? phrases.front()
                   : Xapian::Query(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    }

    /// Loose words: a compound matches as a phrase of its parts or as its joined form; a
    /// word also matches its typo corrections and synonyms, and a run of words its synonyms.
    std::vector<Clause> word_clauses(const std::string& text, const std::string& prefix) {
        std::vector<Clause> clauses;
        std::vector<Word> words = analyse(text);
        if (!m_negated) {
            for (Word& word : words) {
                correct_parts(word);
            }
        }
        for (const Word& word : words) {
            Xapian::Query query = phrase_query(word.parts, prefix);
            if (!word.whole.empty()) {
                query = Xapian::Query(Xapian::Query::OP_OR, query,
                                      choice_query(word.whole, prefix, 1, false));
            }
            if (!m_negated) {
                note_word(word, prefix);
                // Where note_word put a plain word (no parts, no joined form): the last entry.
                const std::size_t noted = m_out.words_searched.size();
                TermChoice sequence_entry = word.parts.front();
                query = with_alternatives(std::move(query), word, prefix, sequence_entry);
                if (prefix.empty() && word.parts.size() == 1 && !word.stop_word) {
                    if (sequence_entry != word.parts.front() && word.whole.empty()) {
                        // No dispatch has the word: its corrections stand in for it.
                        m_out.words_searched.at(noted - 1) = sequence_entry;
                    }
                    m_out.sequence.push_back(std::move(sequence_entry));
                }
            }
            if (word.weight != 1) {
                query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, word.weight);
            }
            clauses.push_back({std::move(query), Clause::Occur::loose, word.stop_word});
        }
        if (!m_negated) {
            add_span_synonyms(words, clauses, prefix);
            if (prefix.empty()) {
                add_boosts(words);
                add_named_days(words);
            }
        }
        return clauses;
    }

    /// The scoring-only queries of a run of loose words: each word's exact form (not a
    /// compound's, whose parts are a phrase), so that "négociations" ranks a dispatch saying
    /// "négociations" above one saying "négocier"; typed with accents, its accented form
    /// ("pêche" above "péché"); and its truncated form, once per query, for its relatives.
    void add_boosts(const std::vector<Word>& words) {
        for (const Word& word : words) {
            if (word.parts.size() == 1 && !word.stop_word) {
                add_form_boosts(word.key, word.lower);
            }
        }
    }

    /// The boosts of one word with folded form `key`, typed `lower`.
    void add_form_boosts(const std::string& key, const std::string& lower) {
        m_out.boosts.push_back({index::exact_term(key), k_exact_weight});
        std::string truncated = index::truncated_term(key);
        if (!truncated.empty() && m_truncated.insert(truncated).second) {
            m_out.boosts.push_back({std::move(truncated), k_truncated_weight});
        }
        if (!lower.empty() && lower != key) {
            m_out.boosts.push_back({index::exact_term(lower), k_accent_weight});
        }
    }

    /// The days a run of loose words names, each once per query.
    void add_named_days(const std::vector<Word>& words) {
        std::vector<std::string_view> keys;
        keys.reserve(words.size());
        for (const Word& word : words) {
            keys.emplace_back(word.key);
        }
        for (const NamedDay& day : find_named_days(keys)) {
            if (std::find(m_out.days.begin(), m_out.days.end(), day) == m_out.days.end()) {
                m_out.days.push_back(day);
            }
        }
    }

    /// The terms of `typos` that `own` (the word's terms) does not have, each once; their words
    /// go into `also`.
    TermChoice correction_terms(const TypoCorrections& typos, const TermChoice& own,
                                AlsoSearched& also) {
        TermChoice terms;
        for (const std::string& lower : typos.words) {
            analysis::Token token{};
            token.lower = lower;
            const std::string& term = m_analyzer.term(token);
            if (std::find(terms.begin(), terms.end(), term) == terms.end() &&
                std::find(own.begin(), own.end(), term) == own.end()) {
                terms.push_back(term);
                also.also.push_back(lower);
            }
        }
        return terms;
    }

    /// Notes in the answer that a word was also searched under other spellings, once per word.
    void note_also_searched(AlsoSearched also) {
        auto& noted = m_out.also_searched;
        if (!also.also.empty() &&
            std::none_of(noted.begin(), noted.end(),
                         [&also](const AlsoSearched& a) { return a.word == also.word; })) {
            noted.push_back(std::move(also));
        }
    }

    /// A compound's parts that no dispatch has, with their typo corrections as alternatives
    /// at their position: "Mont-Saknt-Michel" is searched (and highlighted) as the phrase
    /// "Mont-(Saknt OR Saint)-Michel". A part some dispatch has is taken as meant.
    void correct_parts(Word& word) {
        if (!m_sources.typos || word.parts.size() < 2 || word.stop_word) {
            return;
        }
        const std::vector<std::string> forms = forms_of(word);
        for (std::size_t i = 0; i < word.parts.size() && i < forms.size(); ++i) {
            const TypoCorrections typos =
                m_sources.typos({forms[i], word.part_lowers[i]}, word.parts[i]);
            if (!typos.unknown) {
                continue;
            }
            AlsoSearched also{word.part_lowers[i], {}};
            const TermChoice terms = correction_terms(typos, word.parts[i], also);
            word.parts[i].insert(word.parts[i].end(), terms.begin(), terms.end());
            note_also_searched(std::move(also));
        }
    }

    /// `query` for `word`, or it OR its typo corrections and synonyms, weighted below it; but
    /// the corrections of a word no dispatch has replace it, weighing as it would, in the query
    /// and in `sequence_entry` (the terms proximity scoring looks for in its place).
    Xapian::Query with_alternatives(Xapian::Query query, const Word& word,
                                    const std::string& prefix, TermChoice& sequence_entry) {
        if (word.stop_word) {
            return query;
        }
        std::vector<Xapian::Query> alternatives;
        if (m_sources.typos && word.plain && word.parts.size() == 1) {
            AlsoSearched also{word.lower, {}};
            const TypoCorrections typos =
                m_sources.typos({word.key, word.lower, word.name}, word.parts.front());
            const TermChoice terms = correction_terms(typos, word.parts.front(), also);
            for (const std::string& term : terms) {
                m_out.highlight.terms.emplace(term, 1.0);
            }
            if (!terms.empty() && typos.unknown) {
                // The corrections stand in for the word, which matches nothing: they are its
                // query, their forms score as its would, and proximity looks for them where
                // it would look for the word. (A plain list of terms is scored term at a time.)
                query = choice_query(terms, prefix, 1, false);
                if (prefix.empty()) {
                    for (const std::string& lower : also.also) {
                        add_form_boosts(analysis::fold_text(lower), {});
                    }
                    sequence_entry = terms;
                }
            } else if (!terms.empty()) {
                alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                          choice_query(terms, prefix, 1, false), k_typo_weight);
            }
            note_also_searched(std::move(also));
        }
        synonym_queries(word.key, prefix, alternatives);
        if (alternatives.empty()) {
            return query;
        }
        alternatives.insert(alternatives.begin(), std::move(query));
        return {Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()};
    }

    /// Appends to `out` a query per synonym of the words with key `key`, weighted
    /// k_synonym_weight, and notes them for highlighting.
    void synonym_queries(const std::string& key, const std::string& prefix,
                         std::vector<Xapian::Query>& out) {
        if (!m_sources.synonyms || key.empty()) {
            return;
        }
        for (const std::string& text : m_sources.synonyms(key)) {
            std::vector<TermChoice> terms;
            for (const Word& word : analyse(text)) {
                terms.insert(terms.end(), word.parts.begin(), word.parts.end());
            }
            if (terms.empty()) {
                continue;
            }
            note_word({terms, {}, false, {}, false, {}}, prefix);
            out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, phrase_query(terms, prefix),
                             k_synonym_weight);
        }
    }

    /// Runs of two words or more that have synonyms ("nations unies" → ONU): with OR between
    /// words, the synonyms are one more loose clause; with AND, the run becomes one clause,
    /// its words together or a synonym.
    void add_span_synonyms(const std::vector<Word>& words, std::vector<Clause>& clauses,
                           const std::string& prefix) {
        if (!m_sources.synonyms || words.size() < 2 || clauses.size() != words.size()) {
            return;
        }
        struct Span {
            std::size_t first;
            std::size_t end;
            Xapian::Query alternatives;
        };
        std::vector<Span> spans;
        for (std::size_t i = 0; i + 1 < words.size(); ++i) {
            for (std::size_t end = std::min(words.size(), i + k_max_synonym_words); end > i + 1;
                 --end) {
                std::string key;
                for (std::size_t k = i; k < end; ++k) {
                    key += key.empty() ? "" : " ";
                    key += words[k].key;
                }
                std::vector<Xapian::Query> alternatives;
                synonym_queries(key, prefix, alternatives);
                if (!alternatives.empty()) {
                    spans.push_back({i, end,
                                     Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(),
                                                   alternatives.end())});
                    i = end - 1;
                    break;
                }
            }
        }
        for (auto span = spans.rbegin(); span != spans.rend(); ++span) {
            if (m_op == DefaultOperator::op_or) {
                clauses.push_back({span->alternatives, Clause::Occur::loose, false});
                continue;
            }
            std::vector<Xapian::Query> together;
            for (std::size_t k = span->first; k < span->end; ++k) {
                if (!clauses[k].stop_word) {
                    together.push_back(clauses[k].query);
                }
            }
            const Xapian::Query run(Xapian::Query::OP_AND, together.begin(), together.end());
            const auto first = clauses.begin() + static_cast<std::ptrdiff_t>(span->first);
            clauses.erase(first, clauses.begin() + static_cast<std::ptrdiff_t>(span->end));
            clauses.insert(clauses.begin() + static_cast<std::ptrdiff_t>(span->first),
                           {Xapian::Query(Xapian::Query::OP_OR, run, span->alternatives),
                            Clause::Occur::loose, false});
        }
    }

    /// True for an elided article or pronoun typed without its apostrophe before a word that
    /// elides it ("état d urgence", "l armée"): the text says "d'urgence", one position.
    static bool is_unmarked_elision(const Word& word, const Word* next) {
        return next != nullptr && word.parts.size() == 1 && analysis::is_elision(word.key) &&
               !next->key.empty() &&
               std::string_view("aeiouyh").find(next->key.front()) != std::string_view::npos;
    }

    std::vector<Clause> phrase_clauses(const std::string& text, const std::string& prefix) {
        const std::vector<Word> words = analyse(text);
        std::vector<TermChoice> terms;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!is_unmarked_elision(words[i], i + 1 < words.size() ? &words[i + 1] : nullptr)) {
                terms.insert(terms.end(), words[i].parts.begin(), words[i].parts.end());
            }
        }
        if (terms.empty()) {
            return {};
        }
        if (m_negated) {
            return {{phrase_query(terms, prefix), Clause::Occur::loose, false}};
        }
        note_word({terms, {}, false, {}, false, {}}, prefix);
        std::vector<Xapian::Query> scattered;
        for (const Word& word : words) {
            if (!word.stop_word) {
                scattered.push_back(phrase_query(word.parts, prefix));
            }
        }
        if (prefix.empty()) {
            add_boosts(words);
        }
        return {{phrase_query(terms, prefix), Clause::Occur::loose, false,
                 Xapian::Query(Xapian::Query::OP_OR, scattered.begin(), scattered.end())}};
    }

    std::vector<Clause> wildcard_clauses(const std::string& text, const std::string& prefix) {
        m_tokens.clear();
        m_analyzer.tokenize(text, m_tokens);
        if (m_tokens.size() != 1 || m_tokens.front().form.size() < k_min_wildcard_prefix) {
            return word_clauses(text, prefix); // "a*", "l'ev*": searched as the words themselves
        }
        const std::string& form = m_tokens.front().form;
        auto& prefixes = m_out.highlight.prefixes;
        if (!m_negated && std::find(prefixes.begin(), prefixes.end(), form) == prefixes.end()) {
            prefixes.push_back(form);
        }
        return {{Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + form, m_wildcard_terms,
                               Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                 Clause::Occur::loose, false}};
    }

    void set_date(const std::string& text) {
        const auto range = parse_date_range(text);
        if (!range) {
            throw SyntaxError{};
        }
        m_out.date_from = range->first;
        m_out.date_to = range->second;
    }

    /// Records a searched word for highlighting and for the caller.
    void note_word(const Word& word, const std::string& prefix) {
        for (const TermChoice& part : word.parts) {
            for (const std::string& term : part) {
                m_out.positive_terms.push_back(prefix + term);
            }
            if (prefix.empty()) {
                m_out.words.push_back(part);
                m_out.words_searched.push_back(part);
            }
        }
        if (word.parts.size() > 1) {
            m_out.highlight.phrases.push_back(word.parts);
        } else if (!word.stop_word) {
            for (const std::string& term : word.parts.front()) {
                m_out.highlight.terms.emplace(term, 1.0);
            }
        }
        for (const std::string& term : word.whole) {
            m_out.positive_terms.push_back(prefix + term);
            m_out.highlight.terms.emplace(term, 1.0);
        }
        if (prefix.empty() && !word.whole.empty()) {
            m_out.words.push_back(word.whole);
            m_out.words_searched.push_back(word.whole);
        }
    }

    static std::string field_prefix(const std::string& field) {
        return field == "titre" ? std::string(index::k_prefix_title) : std::string();
    }

    /// Drops the exclusions whose every term the query also searches for ("… à Munich en
    /// Allemagne … Breivik -L'Allemagne"): a query asking for a word and excluding it can only
    /// be prose whose dash was not meant as an operator, and would otherwise find nothing.
    static void drop_contradictions(std::vector<Xapian::Query>& excluded,
                                    const std::vector<Xapian::Query>& required,
                                    const std::vector<Xapian::Query>& loose) {
        if (excluded.empty()) {
            return;
        }
        std::unordered_set<std::string> searched;
        for (const auto* queries : {&required, &loose}) {
            for (const Xapian::Query& q : *queries) {
                searched.insert(q.get_unique_terms_begin(), q.get_unique_terms_end());
            }
        }
        std::erase_if(excluded, [&searched](const Xapian::Query& q) {
            return std::all_of(q.get_unique_terms_begin(), q.get_unique_terms_end(),
                               [&searched](const std::string& t) { return searched.contains(t); });
        });
    }

    /// Keeps one of each repeated query among `queries`, weighted as many times as it came:
    /// the same scores, but "a a a …" or "ma* ma* …" reads each posting list once, not once
    /// per repetition.
    static void merge_repeats(std::vector<Xapian::Query>& queries) {
        if (queries.size() < 2) {
            return;
        }
        std::vector<std::pair<std::string, std::size_t>> seen; // serialised form, count
        std::vector<Xapian::Query> kept;
        for (Xapian::Query& query : queries) {
            std::string form = query.serialise();
            const auto same = std::find_if(seen.begin(), seen.end(),
                                           [&form](const auto& s) { return s.first == form; });
            if (same != seen.end()) {
                ++same->second;
                continue;
            }
            seen.emplace_back(std::move(form), 1);
            kept.push_back(std::move(query));
        }
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (seen[i].second > 1) {
                kept[i] = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, kept[i],
                                        static_cast<double>(seen[i].second));
            }
        }
        queries = std::move(kept);
    }

    Xapian::Query combine(std::vector<Clause>& clauses) {
        // Lone stop words say nothing on their own, unless the query is nothing but them.
        const bool has_content = std::any_of(clauses.begin(), clauses.end(), [](const Clause& c) {
            return c.occur != Clause::Occur::excluded && !c.stop_word;
        });
        std::vector<Xapian::Query> required;
        std::vector<Xapian::Query> loose;
        std::vector<Xapian::Query> excluded;
        // A quoted phrase among other loose words also scores its words where they stand
        // apart, as if unquoted (the phrase still adds its own weight): a pasted headline's
        // quotation is often reworded in the text. Alone, or with AND, a phrase is a phrase.
        const bool among_others =
            m_op == DefaultOperator::op_or &&
            std::count_if(clauses.begin(), clauses.end(), [](const Clause& c) {
                return c.occur == Clause::Occur::loose && !c.stop_word;
            }) > 1;
        for (Clause& c : clauses) {
            if (among_others && c.occur == Clause::Occur::loose && !c.scattered.empty()) {
                c.query = Xapian::Query(Xapian::Query::OP_OR, c.query, c.scattered);
            }
            if (c.occur == Clause::Occur::excluded) {
                excluded.push_back(std::move(c.query));
            } else if (c.stop_word && has_content) {
                continue;
            } else if (c.occur == Clause::Occur::required || m_op == DefaultOperator::op_and) {
                required.push_back(std::move(c.query));
            } else {
                loose.push_back(std::move(c.query));
            }
        }
        m_out.loose_clauses += loose.size() + required.size();
        merge_repeats(required);
        merge_repeats(loose);
        merge_repeats(excluded);
        drop_contradictions(excluded, required, loose);
        Xapian::Query positive;
        if (!required.empty()) {
            positive = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
            if (!loose.empty()) {
                positive =
                    Xapian::Query(Xapian::Query::OP_AND_MAYBE, positive,
                                  Xapian::Query(Xapian::Query::OP_OR, loose.begin(), loose.end()));
            }
        } else if (!loose.empty()) {
            positive = Xapian::Query(Xapian::Query::OP_OR, loose.begin(), loose.end());
        } else if (!excluded.empty() || !m_out.date_from.empty()) {
            positive = Xapian::Query::MatchAll;
        }
        if (!excluded.empty()) {
            positive = Xapian::Query(
                Xapian::Query::OP_AND_NOT, positive,
                Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
        }
        return positive;
    }

    analysis::Analyzer& m_analyzer;
    const WordSources& m_sources;
    const std::vector<Lexeme>& m_lexemes;
    DefaultOperator m_op;
    ParsedQuery& m_out;
    std::size_t m_pos = 0;
    bool m_negated = false;
    Xapian::termcount m_wildcard_terms; ///< most terms each wildcard expands to
    std::vector<analysis::Token> m_tokens;
    std::unordered_set<std::string> m_truncated; ///< the truncated-form boosts already added
};

} // namespace

ParsedQuery QueryParser::parse(std::string_view text, DefaultOperator op) {
    ParsedQuery out;
    if (const auto lexemes = lex_query(text)) {
        try {
            out.query = Parser(m_analyzer, m_sources, *lexemes, op, out).parse();
            return out;
        } catch (const SyntaxError&) {
        }
    }
    // Not valid syntax: the same text, as plain words.
    ParsedQuery plain;
    plain.fallback = true;
    const std::vector<Lexeme> words{{LexemeKind::text, std::string(text), {}}};
    plain.query = Parser(m_analyzer, m_sources, words, op, plain).parse();
    return plain;
}

} // namespace depeches::query
