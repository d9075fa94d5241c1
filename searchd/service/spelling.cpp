// Spelling help: corrections within the typo budget of a word, chosen among the index's own
// words, and completions by prefix over words and headline phrases.
#include "searchd/service/spelling.hpp"

#include <algorithm>
#include <set>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/french.hpp"
#include "indexer/analysis/stemmer.hpp"
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

/// Moves to the front of `corrections` (of the word typed `lower`, folded `form`, nearest
/// first) the best of those as near as the first. A word typed with accents keeps those
/// nearest with its accents: "rôlle" is "rôle", not "roll". Among them, the one that goes best
/// with the words `context`: "tué couos" is "tué coups", not "cours"; but "décideirs" stays
/// "décideurs", whatever goes with the rest.
void choose_nearest(std::string_view form, std::string_view lower,
                    std::vector<std::string>& corrections,
                    const std::vector<analysis::Token>& context, const Cooccurrence& together) {
    if (corrections.size() < 2) {
        return;
    }
    const std::u32string typed = vocab::code_points(form);
    const unsigned limit = vocab::typo_budget(typed.size()) + 1;
    const auto distance = [&typed, limit](const std::string& correction) {
        return vocab::edit_distance(typed, vocab::code_points(analysis::fold_text(correction)),
                                    limit);
    };
    std::vector<std::size_t> nearest;
    const unsigned first = distance(corrections.front());
    for (std::size_t i = 0; i < corrections.size(); ++i) {
        if (distance(corrections[i]) == first) {
            nearest.push_back(i);
        }
    }
    if (lower != form && nearest.size() > 1) {
        const std::u32string typed_lower = vocab::code_points(lower);
        std::vector<unsigned> accented;
        unsigned least = 2 * limit + 1;
        for (const std::size_t i : nearest) {
            accented.push_back(
                vocab::edit_distance(typed_lower, vocab::code_points(corrections[i]), 2 * limit));
            least = std::min(least, accented.back());
        }
        std::vector<std::size_t> as_typed;
        for (std::size_t k = 0; k < nearest.size(); ++k) {
            if (accented[k] == least) {
                as_typed.push_back(nearest[k]);
            }
        }
        nearest = std::move(as_typed);
    }
    std::size_t best = nearest.front();
    if (nearest.size() > 1 && !context.empty() && together) {
        std::vector<std::string> texts;
        for (const std::size_t i : nearest) {
            texts.push_back(corrections[i]);
        }
        const std::vector<double> affinity = together(context, texts);
        const auto most = std::max_element(affinity.begin(), affinity.end());
        if (affinity.size() == nearest.size() && *most > 0) {
            best = nearest[static_cast<std::size_t>(most - affinity.begin())];
        }
    }
    std::swap(corrections.front(), corrections[best]);
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

query::TypoCorrections typo_corrections(const vocab::Lexicon& lexicon,
                                        const vocab::Language& language, const Xapian::Database& db,
                                        analysis::Analyzer& analyzer, const query::TypedWord& word,
                                        const analysis::TermChoice& terms) {
    const std::string_view form = word.form;
    const bool name = word.name;
    if (std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // A number, an ordinal or a code: "2ème" is no typo of "même", nor is "1ère" respelt
        // "1er" (the same term), nor "A320" "A321".
        return {};
    }
    const Xapian::doccount known = known_count(lexicon, db, form, terms);
    // The language is asked only about a word no dispatch writes as typed, and only when the
    // answer matters (the dictionary takes a lock).
    std::optional<bool> in_language;
    const auto of_language = [&] {
        if (!in_language) {
            in_language = language.has(form, word.lower);
        }
        return *in_language;
    };
    query::TypoCorrections out;
    std::vector<std::string>& words = out.words;
    // A stop word corrects no word that is not one: "Dcès" is not "des", nor "ifls" "ils",
    // nor is "pasé" (which Snowball stems as "pas") respelt "pas".
    const bool stop_word = analysis::is_stop_word(form);
    const auto may_correct = [stop_word, name, &words](const vocab::Correction& c) {
        return words.size() < k_max_typo_corrections &&
               (stop_word || !analysis::is_stop_word(c.entry->key)) &&
               (!name || c.entry->is_name());
    };
    for (const vocab::Correction& c :
         lexicon.corrections(form, known, 2 * k_max_typo_corrections)) {
        if (may_correct(c)) {
            words.push_back(c.entry->text);
        }
    }
    if (words.empty() && known > 0 && lexicon.word(form) == nullptr && !of_language()) {
        // A spelling no dispatch has, of a word the index knows by its stem: "Macronn", which
        // Snowball undoubles to macron. Its known spellings of that stem correct it; searched,
        // they change nothing (they are its own term), but the suggestion shows them.
        constexpr std::size_t k_nearest = 16;
        for (const vocab::Correction& c : lexicon.corrections(form, 0, k_nearest)) {
            analysis::Token token{};
            token.lower = c.entry->text;
            if (std::find(terms.begin(), terms.end(), analyzer.term(token)) != terms.end() &&
                may_correct(c)) {
                words.push_back(c.entry->text);
            }
        }
    }
    out.unknown = !words.empty() && known == 0 && !of_language();
    return out;
}

namespace {

/// True when a dispatch indexed under one of `terms` also writes `word` (lower case).
bool written_together(const Xapian::Database& db, const analysis::TermChoice& terms,
                      const std::string& word) {
    const std::string written = vocab::written_term(word);
    for (const std::string& term : terms) {
        Xapian::PostingIterator other = db.postlist_begin(written);
        for (auto doc = db.postlist_begin(term); doc != db.postlist_end(term); ++doc) {
            other.skip_to(*doc);
            if (other == db.postlist_end(written)) {
                break;
            }
            if (*other == *doc) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::vector<std::string> suggested_corrections(const Xapian::Database& db,
                                               const analysis::TermChoice& terms,
                                               const query::TypoCorrections& typo) {
    std::vector<std::string> corrections = typo.words;
    if (!typo.unknown) {
        std::erase_if(corrections,
                      [&](const std::string& word) { return !written_together(db, terms, word); });
    }
    return corrections;
}

namespace {

/// A word of a query replaced by its corrections.
struct Edit {
    std::size_t begin; ///< its bytes in the query
    std::size_t end;
    bool capital; ///< typed with a capital
    std::vector<std::string> corrections;
    std::string form;     ///< folded
    std::string lower;    ///< lower case, accents kept
    std::size_t word;     ///< its rank among the query's words (stop words aside)
    std::size_t compound; ///< 1 + the compound it is a part of, or 0
    std::size_t part;     ///< its place in that compound
};

/// Leaves out the corrections of a compound's parts when the compound they make is one no
/// dispatch writes: "Caule-Sainte-Beuve" is a place, not "Cause-Sainte-Veuve", while
/// "Mont-Saknt-Michel" is "Mont-Saint-Michel". `compounds` holds the folded forms of each
/// compound's parts, as typed (never none).
void keep_written_compounds(std::vector<Edit>& edits,
                            std::vector<std::vector<std::string>> compounds,
                            const WrittenCompound& written) {
    for (const Edit& edit : edits) {
        if (edit.compound > 0) {
            compounds[edit.compound - 1][edit.part] = analysis::fold_text(edit.corrections.front());
        }
    }
    std::vector<bool> kept(compounds.size());
    for (std::size_t i = 0; i < compounds.size(); ++i) {
        std::string key;
        for (const std::string& form : compounds[i]) {
            key += (key.empty() ? "" : "-") + form;
        }
        // A question's verb and its subject ("devient-elle") is no compound a text writes.
        kept[i] = analysis::is_inverted_subject(compounds[i].back()) || written(key);
    }
    std::erase_if(
        edits, [&kept](const Edit& edit) { return edit.compound > 0 && !kept[edit.compound - 1]; });
}

} // namespace

std::optional<std::string> spelling_suggestion(std::string_view query, const Corrector& corrector,
                                               analysis::Analyzer& analyzer,
                                               const Cooccurrence& together,
                                               const WrittenCompound& written) {
    std::vector<Edit> edits;
    // The words left as typed, with their rank: what corrections are chosen to go with.
    std::vector<std::pair<std::size_t, analysis::Token>> known;
    // The folded forms of the parts of each compound typed.
    std::vector<std::vector<std::string>> compounds;
    std::size_t words = 0;
    for (const analysis::Token& token : words_of(query)) {
        const bool part = token.kind == analysis::TokenKind::compound_part;
        if (part && (token.part == 0 || compounds.empty())) {
            compounds.emplace_back();
        }
        if (part) {
            compounds.back().push_back(token.form);
        }
        const std::size_t begin = analysis::word_begin(query, token);
        const std::string_view original = query.substr(begin, token.end - begin);
        const bool wildcard = token.end < query.size() && query[token.end] == '*';
        const bool word = token.kind == analysis::TokenKind::word ||
                          token.kind == analysis::TokenKind::compound_part;
        if (!word || wildcard || is_operator(original) || analysis::is_stop_word(token.form)) {
            continue;
        }
        std::vector<std::string> corrections;
        if (vocab::typo_budget(analysis::count_code_points(token.form)) > 0) {
            corrections =
                corrector({token.form, token.lower, !part && analysis::typed_as_name(query, token)},
                          {analyzer.term(token)});
        }
        ++words;
        if (corrections.empty()) {
            known.emplace_back(words, token);
        } else {
            edits.push_back({begin, token.end, analysis::starts_with_capital(original),
                             std::move(corrections), token.form, token.lower, words,
                             part ? compounds.size() : 0, part ? compounds.back().size() - 1 : 0});
        }
    }
    for (Edit& edit : edits) {
        // The words next to it: few dispatches have every word of a long query.
        std::vector<analysis::Token> next_to;
        for (const auto& [word, token] : known) {
            if (word + 1 == edit.word || edit.word + 1 == word) {
                next_to.push_back(token);
            }
        }
        choose_nearest(edit.form, edit.lower, edit.corrections, next_to, together);
    }
    if (written) {
        keep_written_compounds(edits, std::move(compounds), written);
    }
    if (edits.empty()) {
        return std::nullopt;
    }
    std::string suggestion(query);
    for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit) {
        const std::string& best = edit->corrections.front();
        suggestion.replace(edit->begin, edit->end - edit->begin,
                           edit->capital ? analysis::capitalised(best) : best);
    }
    return suggestion;
}

namespace {

/// What a completion by `entry` reads, when the entry's first words are what the reader typed
/// as tokens [first, last] of `typed`: the entry's spelling of those words (accents as the
/// dispatches write them), with a capital wherever the reader typed one and the reader's
/// separators between them ("Jean-Luc Mél" → "Jean-Luc Mélenchon"), then the rest of the
/// entry. The rest of a compound takes capitals too when its first part has one
/// ("Seine-Saint" → "Seine-Saint-Denis", "Aix-en-P" → "Aix-en-Provence"). A word the reader
/// typed in full with a capital, a name, reads in every completion as in the first that
/// spelt it (`names`, by token): the dispatches write "Édouard Philippe annonce" and "Edouard
/// Philippe répond", and the list should not alternate. Other words keep each entry's
/// spelling, which tells homographs apart ("marche pour le climat", "marché public").
std::string completed(std::string_view typed, const std::vector<analysis::Token>& tokens,
                      std::size_t first, std::size_t last, bool last_done,
                      const vocab::Entry& entry, std::vector<std::string>& names) {
    const std::string_view text = entry.text;
    const std::vector<analysis::Token> words = words_of(text);
    const std::size_t typed_words = last - first + 1;
    if (words.size() < typed_words) {
        return std::string(typed.substr(0, analysis::word_begin(typed, tokens[first]))) +
               entry.text;
    }
    const auto word_of = [](std::string_view in, const analysis::Token& token) {
        const std::size_t begin = analysis::word_begin(in, token);
        return in.substr(begin, token.end - begin);
    };
    // The words before the entry's, as typed, but a name as an earlier completion spelt it.
    std::string out;
    std::size_t done = 0;
    for (std::size_t j = 0; j < first; ++j) {
        const std::size_t begin = analysis::word_begin(typed, tokens[j]);
        if (!names[j].empty()) {
            out.append(typed.substr(done, begin - done)).append(names[j]);
            done = tokens[j].end;
        }
    }
    out.append(typed.substr(done, analysis::word_begin(typed, tokens[first]) - done));
    for (std::size_t i = 0; i < typed_words; ++i) {
        const analysis::Token& t = tokens[first + i];
        const std::string_view word = word_of(text, words[i]);
        if (!analysis::starts_with_capital(word_of(typed, t))) {
            out += word;
        } else if (first + i == last && !last_done) {
            out += analysis::capitalised(word); // the word being completed
        } else {
            std::string& name = names[first + i];
            if (name.empty()) {
                name = analysis::capitalised(word);
            }
            out += name;
        }
        if (i + 1 < typed_words) {
            const std::size_t next = analysis::word_begin(typed, tokens[first + i + 1]);
            out.append(typed.substr(t.end, next - t.end));
        }
    }
    const bool capital_parts = words.front().kind == analysis::TokenKind::compound_part &&
                               analysis::starts_with_capital(word_of(typed, tokens[first]));
    done = words[typed_words - 1].end;
    for (std::size_t i = typed_words; i < words.size(); ++i) {
        const std::size_t begin = analysis::word_begin(text, words[i]);
        out.append(text.substr(done, begin - done));
        const std::string_view word = word_of(text, words[i]);
        out += capital_parts && words[i].kind == analysis::TokenKind::compound_part &&
                       !analysis::is_stop_word(words[i].form)
                   ? analysis::capitalised(word)
                   : std::string(word);
        done = words[i].end;
    }
    out.append(text.substr(done));
    return out;
}

/// A completion found in this many dispatches or fewer, and k_tail_ratio times less often than
/// the most frequent one, is left out.
constexpr Xapian::doccount k_tail_count = 5;
constexpr Xapian::doccount k_tail_ratio = 50;

/// `entries` (most frequent first) without the long tail of misspellings and glued words:
/// "coronaviurus" (3 dispatches) and "coronavirusune" (2) after "coronavirus" (4,995),
/// "Seine-Saint-Denisl'un" (1) after "Seine-Saint-Denis" (580). A word as rare after a word
/// as rare is kept: then nothing tells a typo.
void drop_tail(std::vector<const vocab::Entry*>& entries) {
    if (!entries.empty()) {
        const Xapian::doccount least = entries.front()->count / k_tail_ratio;
        std::erase_if(entries, [least](const vocab::Entry* e) {
            return e->count <= k_tail_count && e->count < least;
        });
    }
}

/// How much more frequent than what the prefix as typed begins a word one typo away must be.
constexpr Xapian::doccount k_near_ratio = 10;

/// Words whose beginning is one typo from `prefix` (a folded prefix of four letters or more),
/// with its first letter, and k_near_ratio times as frequent as `than` (the most frequent word
/// `prefix` itself begins) or more, most frequent first, at most `n`: what the reader meant,
/// when what was typed begins only rare words ("macor" is "macron", not the "macorn" that one
/// dispatch writes; "coronavir" is coronavirus, whatever a typo away would begin).
std::vector<const vocab::Entry*> near_completions(const vocab::Lexicon& lexicon,
                                                  std::string_view prefix, Xapian::doccount than,
                                                  std::size_t n) {
    if (vocab::typo_budget(analysis::count_code_points(prefix)) == 0) {
        return {};
    }
    std::vector<const vocab::Entry*> found =
        lexicon.near_prefix(prefix, std::max<Xapian::doccount>(than, 1) * k_near_ratio, 2 * n);
    std::erase_if(found, [](const vocab::Entry* e) { return analysis::is_stop_word(e->key); });
    found.resize(std::min(found.size(), n));
    return found;
}

/// `entries` (most frequent first), those that `together` finds go with the words typed
/// `before` first, best first; the others after them, most frequent first.
void rank_by_context(std::vector<const vocab::Entry*>& entries,
                     const std::vector<analysis::Token>& before, const Cooccurrence& together) {
    if (!together || before.empty() || entries.empty()) {
        return;
    }
    std::vector<std::string> texts;
    texts.reserve(entries.size());
    for (const vocab::Entry* entry : entries) {
        texts.push_back(entry->text);
    }
    const std::vector<double> affinity = together(before, texts);
    if (affinity.size() != entries.size()) {
        return;
    }
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&affinity](std::size_t a, std::size_t b) {
        return std::max(affinity[a], 0.0) > std::max(affinity[b], 0.0);
    });
    std::vector<const vocab::Entry*> ranked;
    ranked.reserve(entries.size());
    for (const std::size_t i : order) {
        ranked.push_back(entries[i]);
    }
    entries = std::move(ranked);
}

} // namespace

std::vector<Completion> completions(std::string_view typed, const vocab::Lexicon& lexicon,
                                    std::size_t limit, const Cooccurrence& together) {
    const std::vector<analysis::Token> tokens = words_of(typed);
    if (tokens.empty() || limit == 0) {
        return {};
    }
    const std::size_t last = tokens.size() - 1;
    // "Jean-", "Seine-Saint-": a hyphen just typed after a word opens a compound.
    const bool hyphen_typed = typed.back() == '-' && tokens.back().end + 1 == typed.size();
    const bool word_done =
        !hyphen_typed && (typed.back() == ' ' || tokens.back().end < typed.size());
    std::vector<Completion> found;
    std::set<std::string> seen;
    std::vector<std::string> names(tokens.size());
    const auto add = [&](std::size_t first, const vocab::Entry& entry, const char* kind) {
        std::string text = completed(typed, tokens, first, last, word_done, entry, names);
        if (!seen.insert(text).second) {
            // Reached again from fewer words ("Jean-Luc Mél" and "Luc Mél"): the best count.
            for (Completion& c : found) {
                if (c.text == text) {
                    c.count = std::max(c.count, entry.count);
                }
            }
        } else if (found.size() < limit) {
            found.push_back({std::move(text), kind, entry.count});
        }
    };
    if (hyphen_typed || (!word_done && tokens.back().kind == analysis::TokenKind::compound_part)) {
        // Inside a compound ("cessez-le", "Seine-Saint", "Jean-"): the compounds it begins.
        std::size_t first = last;
        while (first > 0 && tokens[first].kind == analysis::TokenKind::compound_part &&
               tokens[first].part > 0) {
            --first;
        }
        std::string key;
        for (std::size_t i = first; i <= last; ++i) {
            key += i == first ? "" : "-";
            key += tokens[i].form;
        }
        if (hyphen_typed) {
            key += '-';
        }
        std::vector<const vocab::Entry*> compounds = lexicon.complete_words(key, limit);
        drop_tail(compounds);
        for (const vocab::Entry* entry : compounds) {
            add(first, *entry, "word");
        }
        return found;
    }
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
            add(first, *entry, "phrase");
        }
    };
    phrases(3);
    phrases(2);
    if (!word_done) {
        std::vector<const vocab::Entry*> words = lexicon.complete_words(
            tokens.back().form, together ? std::max(k_context_candidates, limit * 2) : limit * 2);
        std::erase_if(words,
                      [](const vocab::Entry* entry) { return analysis::is_stop_word(entry->key); });
        drop_tail(words);
        // What a typo away begins, when it is far more frequent: first when what was typed
        // begins only rare words, found in k_tail_count dispatches or fewer ("macor",
        // "Mélanchon", the "Macorn" one dispatch writes); after them otherwise, so that a rare
        // name typed right still comes first.
        const std::vector<const vocab::Entry*> near = near_completions(
            lexicon, tokens.back().form, words.empty() ? 0 : words.front()->count, limit);
        const bool typo_likely = words.empty() || words.front()->count <= k_tail_count;
        rank_by_context(words, {tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(last)},
                        together);
        words.insert(typo_likely ? words.begin() : words.end(), near.begin(), near.end());
        for (const vocab::Entry* entry : words) {
            add(last, *entry, "word");
        }
    }
    if (last == 0 || !together) {
        // Phrases starting with the word: after other words, they would not follow them.
        phrases(1);
    }
    return found;
}

} // namespace depeches::search
