// Highlighting: re-analyse the original text, mark tokens whose term the query has (and quoted
// phrases where their terms follow each other), pick the densest passage, escape, wrap in <mark>.
#include "indexer/analysis/highlighter.hpp"

#include <algorithm>
#include <bitset>
#include <map>

#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

/// Weight of a repeated occurrence relative to the first one, in passage scoring.
constexpr double k_repeat_factor = 0.2;
/// Marks separated only by these characters are shown as one (cessez-le-feu, 8 000).
constexpr std::string_view k_joinable_gap = "-";

bool is_space_byte(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// Byte offset `max_chars` code points after `begin` (or the end of the text).
std::size_t advance_chars(std::string_view text, std::size_t begin, std::size_t max_chars) {
    // Counting lead bytes is enough here (an invalid byte counts as a character).
    std::size_t pos = begin;
    for (std::size_t n = 0; n < max_chars && pos < text.size(); ++n) {
        do {
            ++pos;
        } while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0U) == 0x80U);
    }
    return pos;
}

/// Byte offset `max_chars` code points before `end` (or 0).
std::size_t retreat_chars(std::string_view text, std::size_t end, std::size_t max_chars) {
    std::size_t pos = end;
    for (std::size_t n = 0; n < max_chars && pos > 0; ++n) {
        do {
            --pos;
        } while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0U) == 0x80U);
    }
    return pos;
}

/// Moves `pos` forward to the start of a word (after a space), unless it is already at one.
std::size_t word_start_at_or_after(std::string_view text, std::size_t pos, std::size_t limit) {
    if (pos == 0 || is_space_byte(text[pos - 1])) {
        return pos;
    }
    while (pos < limit && !is_space_byte(text[pos])) {
        ++pos;
    }
    while (pos < limit && is_space_byte(text[pos])) {
        ++pos;
    }
    return pos;
}

/// Moves `pos` back to the end of a word (before a space), unless it is already at one.
std::size_t word_end_at_or_before(std::string_view text, std::size_t pos, std::size_t floor) {
    if (pos >= text.size() || is_space_byte(text[pos])) {
        return pos;
    }
    while (pos > floor && !is_space_byte(text[pos - 1])) {
        --pos;
    }
    while (pos > floor && is_space_byte(text[pos - 1])) {
        --pos;
    }
    return pos;
}

/// Byte offsets where sentences start: the text's start, after a line break, and after
/// sentence punctuation followed by a space or directly by a capital (paragraphs glued
/// together, "domestique.Consternant"), but not after an initial ("M. Lavrov").
std::vector<std::size_t> sentence_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            starts.push_back(i + 1);
            continue;
        }
        if (c != '.' && c != '!' && c != '?') {
            continue;
        }
        const bool initial = is_upper(text[i - 1]) && (i < 2 || is_space_byte(text[i - 2]));
        if (initial) {
            continue;
        }
        if (is_space_byte(text[i + 1])) {
            starts.push_back(i + 2);
        } else if (is_upper(text[i + 1]) && text[i - 1] >= 'a' && text[i - 1] <= 'z') {
            starts.push_back(i + 1);
        }
    }
    return starts;
}

/// Escapes text[begin, end) with marks, turning runs of white space into one space if `flatten`.
void render(std::string& out, std::string_view text, std::size_t begin, std::size_t end,
            const std::vector<std::pair<std::uint32_t, std::uint32_t>>& marks, bool flatten) {
    const auto emit = [&](std::size_t from, std::size_t to) {
        const std::string_view piece = text.substr(from, to - from);
        if (!flatten) {
            append_html_escaped(out, piece);
            return;
        }
        for (std::size_t i = 0; i < piece.size();) {
            std::size_t j = i;
            if (is_space_byte(piece[i])) {
                while (j < piece.size() && is_space_byte(piece[j])) {
                    ++j;
                }
                out += ' ';
            } else {
                while (j < piece.size() && !is_space_byte(piece[j])) {
                    ++j;
                }
                append_html_escaped(out, piece.substr(i, j - i));
            }
            i = j;
        }
    };
    std::size_t pos = begin;
    for (const auto& [mark_begin, mark_end] : marks) {
        if (mark_end <= begin || mark_begin >= end) {
            continue;
        }
        const std::size_t b = std::max<std::size_t>(mark_begin, begin);
        const std::size_t e = std::min<std::size_t>(mark_end, end);
        emit(pos, b);
        out += "<mark>";
        emit(b, e);
        out += "</mark>";
        pos = e;
    }
    emit(pos, end);
}

} // namespace

void append_html_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

namespace {

/// The first two bytes of the query's terms, to stem only the tokens that may match. A term
/// keeps its word's first two letters: Snowball French changes a word from its regions R1 and
/// RV on, which begin after the second letter at the earliest, and folding goes letter by
/// letter (a number's term keeps only its first digit: see ordinal_term). So the folded form of a
/// token whose term is a query term starts like that term, folded (a stemming override may keep
/// accents: "sûr", not the preposition's "sur").
class Openings {
public:
    void add(std::string_view term) {
        const std::string folded = fold_text(term);
        if (folded.size() == 1 || (!folded.empty() && folded[0] >= '0' && folded[0] <= '9')) {
            // A one-letter word's term; or a number's, whose ordinal suffix may be spelt
            // otherwise ("2nd", "2ième" → "2e").
            m_any_second.set(byte(folded[0]));
        } else if (folded.size() > 1) {
            m_pairs.set(pair(folded));
        }
    }

    [[nodiscard]] bool may_start(std::string_view form) const {
        if (form.empty()) {
            return false;
        }
        return m_any_second.test(byte(form[0])) || (form.size() > 1 && m_pairs.test(pair(form)));
    }

private:
    static std::size_t byte(char c) { return static_cast<unsigned char>(c); }
    static std::size_t pair(std::string_view text) { return byte(text[0]) * 256 + byte(text[1]); }

    std::bitset<256> m_any_second;
    std::bitset<256 * 256> m_pairs;
};

} // namespace

std::vector<Highlighter::Mark> Highlighter::find_marks(std::string_view text,
                                                       const HighlightTerms& query) {
    std::vector<Mark> marks;
    if (query.empty()) {
        return marks;
    }
    m_tokens.clear();
    m_analyzer.tokenize(text, m_tokens);
    std::map<std::string, std::size_t, std::less<>> term_ids;
    const auto id_of = [&](const std::string& key) {
        return term_ids.emplace(key, term_ids.size()).first->second;
    };
    // The term of every token, and the tokens of each position as linked lists (a compound's
    // whole shares its first part's position), for phrase matching.
    constexpr std::size_t k_end = static_cast<std::size_t>(-1);
    Openings openings;
    for (const auto& [term, weight] : query.terms) {
        openings.add(term);
    }
    for (const auto& phrase : query.phrases) {
        for (const TermChoice& choice : phrase) {
            for (const std::string& term : choice) {
                openings.add(term);
            }
        }
    }
    for (const std::string& prefix : query.prefixes) {
        openings.add(prefix);
    }
    std::vector<std::string> terms(m_tokens.size());
    std::vector<std::size_t> first_at;
    std::vector<std::size_t> next_at(m_tokens.size(), k_end);
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        // A token that starts unlike every query term keeps an empty term and matches nothing.
        if (openings.may_start(m_tokens[i].form)) {
            terms[i] = m_analyzer.term(m_tokens[i]);
            const auto it = query.terms.find(terms[i]);
            if (it != query.terms.end()) {
                marks.push_back({m_tokens[i].begin, m_tokens[i].end, it->second, id_of(terms[i])});
            } else {
                for (const std::string& prefix : query.prefixes) {
                    if (terms[i].rfind(prefix, 0) == 0) {
                        marks.push_back(
                            {m_tokens[i].begin, m_tokens[i].end, 1.0, id_of(prefix + '*')});
                        break;
                    }
                }
            }
        }
        const std::uint32_t position = m_tokens[i].position;
        if (position >= first_at.size()) {
            first_at.resize(position + 1, k_end);
        }
        next_at[i] = first_at[position];
        first_at[position] = i;
    }
    const auto is_one_of = [](const std::string& term, const TermChoice& choice) {
        return std::find(choice.begin(), choice.end(), term) != choice.end();
    };
    const auto find_at = [&](std::size_t position, const TermChoice& choice) {
        for (std::size_t k = position < first_at.size() ? first_at[position] : k_end; k != k_end;
             k = next_at[k]) {
            if (is_one_of(terms[k], choice)) {
                return k;
            }
        }
        return k_end;
    };
    for (const auto& phrase : query.phrases) {
        if (phrase.empty()) {
            continue;
        }
        std::string key;
        for (const TermChoice& choice : phrase) {
            for (const std::string& t : choice) {
                key += t + '|';
            }
            key += ' ';
        }
        const std::size_t id = id_of(key);
        for (std::size_t i = 0; i < m_tokens.size(); ++i) {
            if (!is_one_of(terms[i], phrase.front())) {
                continue;
            }
            std::uint32_t end = m_tokens[i].end;
            std::size_t n = 1;
            for (; n < phrase.size(); ++n) {
                const std::size_t k = find_at(m_tokens[i].position + n, phrase[n]);
                if (k == k_end) {
                    break;
                }
                end = std::max(end, m_tokens[k].end);
            }
            if (n == phrase.size()) {
                marks.push_back({m_tokens[i].begin, end, static_cast<double>(phrase.size()), id});
            }
        }
    }
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    // Merge overlaps (a compound and its parts) and marks separated only by a hyphen.
    std::vector<Mark> merged;
    for (const Mark& mark : marks) {
        if (!merged.empty()) {
            Mark& prev = merged.back();
            const bool overlaps = mark.begin < prev.end;
            const bool joinable =
                mark.begin >= prev.end &&
                text.substr(prev.end, mark.begin - prev.end).find_first_not_of(k_joinable_gap) ==
                    std::string_view::npos;
            if (overlaps || joinable) {
                if (mark.end > prev.end) {
                    prev.end = mark.end;
                }
                prev.weight = std::max(prev.weight, mark.weight);
                continue;
            }
        }
        merged.push_back(mark);
    }
    return merged;
}

Highlighted Highlighter::highlight(std::string_view text, const HighlightTerms& query) {
    const std::vector<Mark> marks = find_marks(text, query);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    spans.reserve(marks.size());
    for (const Mark& m : marks) {
        spans.emplace_back(m.begin, m.end);
    }
    Highlighted out;
    out.matched = !marks.empty();
    out.html.reserve(text.size() + text.size() / 8);
    render(out.html, text, 0, text.size(), spans, false);
    return out;
}

Highlighted Highlighter::snippet(std::string_view text, const HighlightTerms& query,
                                 std::size_t max_chars) {
    const std::vector<Mark> marks = find_marks(text, query);
    // Candidate windows start at sentence starts, or a little before a mark when its sentence
    // begins too far back. The best window has the most weight of distinct marks (repeats
    // count a fraction); on a tie, a sentence start, then the one nearest the marks, wins.
    struct Candidate {
        std::size_t begin;
        bool sentence;
    };
    std::vector<Candidate> candidates;
    for (const std::size_t start : sentence_starts(text)) {
        candidates.push_back({start, true});
    }
    for (const Mark& mark : marks) {
        const std::size_t back = retreat_chars(text, mark.begin, max_chars / 4);
        candidates.push_back({word_start_at_or_after(text, back, mark.begin), false});
    }
    std::size_t begin = 0;
    bool at_sentence = true;
    double best = -1;
    std::vector<std::size_t> seen;
    for (const Candidate& c : marks.empty() ? std::vector<Candidate>{} : candidates) {
        const auto first =
            std::lower_bound(marks.begin(), marks.end(), c.begin,
                             [](const Mark& m, std::size_t b) { return m.begin < b; });
        if (first == marks.end()) {
            continue;
        }
        const std::size_t limit = advance_chars(text, c.begin, max_chars);
        seen.clear();
        double score = c.sentence ? 1e-6 : 0;
        for (auto m = first; m != marks.end() && m->end <= limit; ++m) {
            const bool repeat = std::find(seen.begin(), seen.end(), m->term_id) != seen.end();
            score += repeat ? m->weight * k_repeat_factor : m->weight;
            seen.push_back(m->term_id);
        }
        if (score > best || (score == best && c.begin > begin)) {
            best = score;
            begin = c.begin;
            at_sentence = c.sentence;
        }
    }
    std::size_t end = advance_chars(text, begin, max_chars);
    if (end < text.size()) {
        end = word_end_at_or_before(text, end, begin);
    }
    while (begin < end && is_space_byte(text[begin])) {
        ++begin;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    for (const Mark& mark : marks) {
        spans.emplace_back(mark.begin, mark.end);
    }
    Highlighted out;
    out.matched = !marks.empty();
    if (begin > 0 && !at_sentence) {
        out.html += "…";
    }
    render(out.html, text, begin, end, spans, true);
    while (!out.html.empty() && out.html.back() == ' ') {
        out.html.pop_back();
    }
    if (end < text.size()) {
        out.html += "…";
    }
    return out;
}

} // namespace depeches::analysis
