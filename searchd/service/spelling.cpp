// Spelling help: corrections within the typo budget of a word, chosen among the index's own
// words, and completions by prefix over words and headline phrases.
#include "searchd/service/spelling.hpp"

#include <algorithm>
#include <set>

#include "indexer/analysis/french.hpp"
#include "indexer/analysis/tokenizer.hpp"
#include "indexer/analysis/utf8.hpp"
#include "indexer/analysis/word_spans.hpp"

namespace depeches::search {

namespace {

/// True for the query language's upper-case operators, which are not words to correct.
bool is_operator(std::string_view original) {
    return original == "OR" || original == "OU" || original == "AND" || original == "ET" ||
           original == "NOT" || original == "SAUF";
}

std::vector<analysis::Token> words_of(std::string_view text) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(text, tokens);
    std::erase_if(tokens, [](const analysis::Token& t) {
        return t.kind == analysis::TokenKind::compound_whole;
    });
    return tokens;
}

} // namespace

Xapian::doccount known_count(const vocab::Lexicon& lexicon, const Xapian::Database& db,
                             std::string_view form, const analysis::TermChoice& terms) {
    const vocab::Entry* entry = lexicon.word(form);
    Xapian::doccount count = entry != nullptr ? entry->count : 0;
    for (const std::string& term : terms) {
        count = std::max(count, db.get_termfreq(term));
    }
    return count;
}

std::vector<std::string> typo_corrections(const vocab::Lexicon& lexicon, const Xapian::Database& db,
                                          analysis::Analyzer& analyzer, std::string_view form,
                                          const analysis::TermChoice& terms) {
    std::vector<std::string> words;
    const Xapian::doccount known = known_count(lexicon, db, form, terms);
    for (const vocab::Correction& c : lexicon.corrections(form, known, k_max_typo_corrections)) {
        words.push_back(c.entry->text);
    }
    if (words.empty() && known > 0 && lexicon.word(form) == nullptr) {
        // A spelling no dispatch has, of a word the index knows by its stem: "Macronn", which
        // Snowball undoubles to macron. Its known spellings of that stem correct it; searched,
        // they change nothing (they are its own term), but the suggestion shows them.
        constexpr std::size_t k_nearest = 16;
        for (const vocab::Correction& c : lexicon.corrections(form, 0, k_nearest)) {
            analysis::Token token{};
            token.lower = c.entry->text;
            if (std::find(terms.begin(), terms.end(), analyzer.term(token)) != terms.end() &&
                words.size() < k_max_typo_corrections) {
                words.push_back(c.entry->text);
            }
        }
    }
    return words;
}

std::optional<std::string> spelling_suggestion(std::string_view query, const Corrector& corrector,
                                               analysis::Analyzer& analyzer) {
    struct Edit {
        std::size_t begin;
        std::size_t end;
        std::string text;
    };
    std::vector<Edit> edits;
    for (const analysis::Token& token : words_of(query)) {
        const std::size_t begin = analysis::word_begin(query, token);
        const std::string_view original = query.substr(begin, token.end - begin);
        const bool wildcard = token.end < query.size() && query[token.end] == '*';
        const bool word = token.kind == analysis::TokenKind::word ||
                          token.kind == analysis::TokenKind::compound_part;
        if (!word || wildcard || is_operator(original) || analysis::is_stop_word(token.form) ||
            vocab::typo_budget(analysis::count_code_points(token.form)) == 0) {
            continue;
        }
        const std::vector<std::string> best = corrector(token.form, {analyzer.term(token)});
        if (best.empty()) {
            continue;
        }
        std::string text = best.front();
        if (original.front() >= 'A' && original.front() <= 'Z' && text.front() >= 'a' &&
            text.front() <= 'z') {
            text.front() = static_cast<char>(text.front() - 'a' + 'A');
        }
        edits.push_back({begin, token.end, std::move(text)});
    }
    if (edits.empty()) {
        return std::nullopt;
    }
    std::string suggestion(query);
    for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit) {
        suggestion.replace(edit->begin, edit->end - edit->begin, edit->text);
    }
    return suggestion;
}

std::vector<Completion> completions(std::string_view typed, const vocab::Lexicon& lexicon,
                                    std::size_t limit) {
    const std::vector<analysis::Token> tokens = words_of(typed);
    if (tokens.empty() || limit == 0) {
        return {};
    }
    const bool word_done = typed.back() == ' ' || tokens.back().end < typed.size();
    std::vector<Completion> found;
    std::set<std::string> seen;
    const auto add = [&](std::size_t keep, const vocab::Entry& entry, const char* kind) {
        std::string text = std::string(typed.substr(0, keep)) + entry.text;
        if (found.size() < limit && seen.insert(text).second) {
            found.push_back({std::move(text), kind, entry.count});
        }
    };
    // Phrases that continue the last two or three words, then the last word's completions,
    // then phrases that start with the last word.
    const auto phrases = [&](std::size_t words) {
        if (words > tokens.size()) {
            return;
        }
        const std::size_t first = tokens.size() - words;
        std::string key;
        for (std::size_t i = first; i < tokens.size(); ++i) {
            key += key.empty() ? "" : " ";
            key += tokens[i].form;
        }
        if (word_done) {
            key += ' ';
        }
        for (const vocab::Entry* entry : lexicon.complete_phrases(key, limit)) {
            add(tokens[first].begin, *entry, "phrase");
        }
    };
    phrases(3);
    phrases(2);
    if (!word_done) {
        for (const vocab::Entry* entry : lexicon.complete_words(tokens.back().form, limit * 2)) {
            if (!analysis::is_stop_word(entry->key)) {
                add(analysis::word_begin(typed, tokens.back()), *entry, "word");
            }
        }
    }
    phrases(1);
    return found;
}

} // namespace depeches::search
