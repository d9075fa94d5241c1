// Spans of adjacent words: their lower-case text, headline phrases and acronym definitions.
#include "indexer/analysis/word_spans.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/french.hpp"
#include "indexer/analysis/stemmer.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

constexpr std::string_view k_right_quote = "\xE2\x80\x99"; // ’
constexpr std::string_view k_nbsp = "\xC2\xA0";
constexpr std::string_view k_narrow_nbsp = "\xE2\x80\xAF";
/// Most function words skipped in a row inside an acronym's full name ("de la", "des").
constexpr int k_max_skipped_in_a_row = 3;

/// The tokens that stand for words in the text (a compound's joined form repeats its parts).
std::vector<std::size_t> word_indexes(const std::vector<Token>& tokens) {
    std::vector<std::size_t> indexes;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::compound_whole) {
            indexes.push_back(i);
        }
    }
    return indexes;
}

bool is_upper_ascii_word(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// True when `gap` is only spaces, tabs and no-break spaces.
bool blank(std::string_view gap) {
    while (!gap.empty()) {
        if (gap.front() == ' ' || gap.front() == '\t') {
            gap.remove_prefix(1);
        } else if (gap.substr(0, k_nbsp.size()) == k_nbsp) {
            gap.remove_prefix(k_nbsp.size());
        } else if (gap.substr(0, k_narrow_nbsp.size()) == k_narrow_nbsp) {
            gap.remove_prefix(k_narrow_nbsp.size());
        } else {
            return false;
        }
    }
    return true;
}

/// Where the full name of the acronym `letters` at words[w] starts (an index into `words`),
/// walking back from the word before it: each content word gives the next letter from the
/// last; a function word may give one too ("La France insoumise", "Les Républicains") or be
/// skipped ("des", "de la"), but the name ends on a content word. Of the names that fit, the
/// shortest: "leader de la France insoumise (LFI)" names "la France insoumise".
std::optional<std::size_t> name_start(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<std::size_t>& words, std::size_t w,
                                      std::string_view letters) {
    // k: the name so far is words[k..w-1]; remaining: letters still to match. Each letter takes
    // one word after at most k_max_skipped_in_a_row skipped ones, so a name spans at most
    // `longest` words; the states that failed are remembered, which keeps text made of
    // function words ("de de de … (DDDDDDDX)") from taking exponential time.
    const auto skips = static_cast<std::size_t>(k_max_skipped_in_a_row) + 1;
    const std::size_t longest = letters.size() * skips;
    std::vector<bool> failed((longest + 1) * (letters.size() + 1) * skips);
    const auto walk = [&](auto& self, std::size_t k, std::size_t remaining,
                          int skipped) -> std::optional<std::size_t> {
        if (remaining == 0) {
            return k;
        }
        if (k == 0) {
            return std::nullopt;
        }
        const std::size_t state = ((w - k) * (letters.size() + 1) + remaining) * skips +
                                  static_cast<std::size_t>(skipped);
        if (failed[state]) {
            return std::nullopt;
        }
        failed[state] = true; // until it succeeds, which ends the walk
        const Token& token = tokens[words[k - 1]];
        if (k < w && !adjacent(text, token, tokens[words[k]])) {
            return std::nullopt;
        }
        const bool function_word = is_stop_word(token.form);
        const bool inside = k < w; // not the name's last word
        if (!token.form.empty() && token.form.front() == letters[remaining - 1] &&
            (!function_word || inside)) {
            if (const auto start = self(self, k - 1, remaining - 1, 0)) {
                return start;
            }
        }
        if (function_word && inside && skipped < k_max_skipped_in_a_row) {
            return self(self, k - 1, remaining, skipped + 1);
        }
        return std::nullopt;
    };
    return walk(walk, w, letters.size(), 0);
}

} // namespace

std::size_t word_begin(std::string_view text, const Token& token) {
    const std::string_view original = text.substr(token.begin, token.end - token.begin);
    for (const std::string_view apostrophe : {std::string_view("'"), k_right_quote}) {
        const auto at = original.find(apostrophe);
        if (at != std::string_view::npos && at > 0 &&
            is_elision(fold_text(original.substr(0, at)))) {
            return token.begin + at + apostrophe.size();
        }
    }
    return token.begin;
}

namespace {

/// The code point that ends just before byte `end` of `text` (end > 0), and where it starts.
std::pair<char32_t, std::size_t> code_point_before(std::string_view text, std::size_t end) {
    std::size_t begin = end - 1;
    while (begin > 0 && end - begin < 4 &&
           (static_cast<unsigned char>(text[begin]) & 0xC0U) == 0x80U) {
        --begin;
    }
    const DecodedChar decoded = decode_utf8(text, begin);
    if (!decoded.valid || begin + decoded.length != end) {
        return {k_replacement_char, end - 1};
    }
    return {decoded.code_point, begin};
}

/// True when a sentence begins at byte `pos` of `text`: at its start, after a sentence's end
/// (. ! ? … :), a line break or an opening quote (« “: what is quoted, speech mostly, begins
/// with a capital), white space, brackets and other quotes between ("« Non. » Le président").
bool sentence_begins_at(std::string_view text, std::size_t pos) {
    constexpr std::u32string_view k_between =
        U" \t\u00A0\u202F\u2009\"'([\u00BB\u201D\u2018\u2014\u2013-";
    constexpr std::u32string_view k_before = U".!?\u2026:\n\r\u00AB\u201C";
    while (pos > 0) {
        const auto [code_point, begin] = code_point_before(text, pos);
        if (k_before.find(code_point) != std::u32string_view::npos) {
            return true;
        }
        if (k_between.find(code_point) == std::u32string_view::npos) {
            return false;
        }
        pos = begin;
    }
    return true;
}

} // namespace

bool written_as_name(std::string_view text, const Token& token) {
    const std::size_t begin = word_begin(text, token);
    if (token.end <= begin || !starts_with_capital(text.substr(begin, token.end - begin))) {
        return false;
    }
    return begin != token.begin || !sentence_begins_at(text, token.begin);
}

bool written_in_capitals(std::string_view text, const Token& token) {
    const std::size_t begin = word_begin(text, token);
    std::size_t letters = 0;
    for (std::size_t pos = begin; pos < token.end;) {
        const DecodedChar decoded = decode_utf8(text, pos);
        const std::string_view one = text.substr(pos, decoded.length);
        if (char_info(decoded.code_point).cls == CharClass::letter) {
            if (!starts_with_capital(one)) {
                return false;
            }
            ++letters;
        }
        pos += decoded.length;
    }
    return letters >= 2;
}

bool typed_as_name(std::string_view text, const Token& token) {
    return written_as_name(text, token) && !written_in_capitals(text, token);
}

std::string elided_article(std::string_view text, const Token& token) {
    const std::size_t begin = word_begin(text, token);
    if (begin == token.begin) {
        return {};
    }
    std::string_view article = text.substr(token.begin, begin - token.begin);
    article.remove_suffix(article.back() == '\'' ? 1 : k_right_quote.size());
    return fold_text(article) + '\'';
}

bool adjacent(std::string_view text, const Token& a, const Token& b) {
    return b.begin >= a.end && blank(text.substr(a.end, b.begin - a.end));
}

std::string span_text(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last) {
    std::string out;
    for (std::size_t i = first; i <= last && i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::compound_whole) {
            continue;
        }
        if (!out.empty()) {
            out += ' ';
        }
        out += elided_article(text, tokens[i]);
        out += tokens[i].lower;
    }
    return out;
}

std::vector<std::string> headline_phrases(std::string_view text, const std::vector<Token>& tokens) {
    const std::vector<std::size_t> words = word_indexes(tokens);
    std::vector<std::string> phrases;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (is_stop_word(tokens[words[i]].form)) {
            continue;
        }
        for (std::size_t n = 2; n <= k_max_phrase_tokens && i + n <= words.size(); ++n) {
            const Token& prev = tokens[words[i + n - 2]];
            const Token& last = tokens[words[i + n - 1]];
            if (!adjacent(text, prev, last)) {
                break;
            }
            if (n >= k_min_phrase_tokens && !is_stop_word(last.form)) {
                std::string phrase = span_text(text, tokens, words[i], words[i + n - 1]);
                phrase.erase(0, elided_article(text, tokens[words[i]]).size());
                phrases.push_back(std::move(phrase));
            }
        }
    }
    std::sort(phrases.begin(), phrases.end());
    phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
    return phrases;
}

std::vector<AcronymDefinition> find_acronyms(std::string_view text,
                                             const std::vector<Token>& tokens) {
    const std::vector<std::size_t> words = word_indexes(tokens);
    std::vector<AcronymDefinition> found;
    for (std::size_t w = 1; w < words.size(); ++w) {
        const Token& acronym = tokens[words[w]];
        const std::string_view original = text.substr(acronym.begin, acronym.end - acronym.begin);
        if (acronym.begin == 0 || text[acronym.begin - 1] != '(' || acronym.end >= text.size() ||
            text[acronym.end] != ')' || original.size() < k_min_acronym_letters ||
            original.size() > k_max_acronym_letters || !is_upper_ascii_word(original)) {
            continue;
        }
        // The word before "(" ends the full name; walk back matching letters from the last.
        const Token& before = tokens[words[w - 1]];
        if (before.end >= acronym.begin ||
            !blank(text.substr(before.end, acronym.begin - 1 - before.end))) {
            continue;
        }
        if (const auto k = name_start(text, tokens, words, w, acronym.form)) {
            // The name starts at its first word, without an elided article ("l'Observatoire").
            std::string name = span_text(text, tokens, words[*k], words[w - 1]);
            name.erase(0, elided_article(text, tokens[words[*k]]).size());
            found.push_back({acronym.lower, std::move(name)});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tie(a.acronym, a.full_name) < std::tie(b.acronym, b.full_name);
    });
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace depeches::analysis
