// Field helpers shared by the readers: spacing, titles cut from bodies, ids.
#include "indexer/ingest/fields.hpp"

#include <algorithm>
#include <array>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fold.hpp"

namespace depeches::ingest {

namespace {

/// Bytes normalize_space turns into spaces: ASCII white space and every other C0 control and DEL.
constexpr std::array<bool, 256> k_blank_bytes = [] {
    std::array<bool, 256> blank{};
    for (std::size_t byte = 0; byte <= 0x20U; ++byte) {
        blank[byte] = true;
    }
    blank[0x7FU] = true;
    return blank;
}();

constexpr bool is_blank_byte(char c) {
    return k_blank_bytes[static_cast<unsigned char>(c)];
}

/// Bytes of the space-like code point at the start of `text` (ASCII or no-break/thin), else 0.
std::size_t space_length_at(std::string_view text, std::size_t pos) {
    if (is_blank_byte(text[pos])) {
        return 1;
    }
    for (const std::string_view space : {"\u00A0", "\u202F", "\u2009", "\u2007", "\u3000"}) {
        if (text.substr(pos).starts_with(space)) {
            return space.size();
        }
    }
    return 0;
}

/// Bytes of the space-like code point that ends `text`, else 0.
std::size_t space_length_before(std::string_view text) {
    if (text.empty()) {
        return 0;
    }
    if (is_blank_byte(text.back())) {
        return 1;
    }
    for (const std::string_view space : {"\u00A0", "\u202F", "\u2009", "\u2007", "\u3000"}) {
        if (text.ends_with(space)) {
            return space.size();
        }
    }
    return 0;
}

/// Words that a full stop follows without ending the sentence, folded (`M. Lavrov`).
constexpr std::array<std::string_view, 36> k_abbreviations = {
    "m",   "mm",  "mme", "mmes", "mlle", "mlles", "dr",  "drs", "pr",  "me", "mgr", "st",
    "ste", "cf",  "env", "av",   "apr",  "art",   "vol", "no",  "p",   "pp", "ex",  "gal",
    "gen", "col", "cdt", "lt",   "sgt",  "cie",   "bd",  "ch",  "fig", "ed", "vs",  "jr",
};

/// True for an upper-case letter: ASCII, Latin-1, Œ, Ÿ.
constexpr bool is_capital(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x152 ||
           cp == 0x178;
}

/// True when the code point at `pos` can open a sentence: a capital, a digit, a quote or a dash.
bool opens_sentence(std::string_view text, std::size_t pos) {
    const char32_t cp = analysis::decode_utf8(text, pos).code_point;
    return is_capital(cp) || (cp >= '0' && cp <= '9') || cp == U'«' || cp == U'"' || cp == U'“' ||
           cp == U'(' || cp == U'[' || cp == U'-' || cp == U'–' || cp == U'—' || cp == U'\'';
}

/// True for a lower-case letter (ASCII or Latin-1) ending at byte `end` (exclusive).
bool lower_letter_before(std::string_view text, std::size_t end) {
    const char last = text[end - 1];
    if (last >= 'a' && last <= 'z') {
        return true;
    }
    return end >= 2 && text[end - 2] == '\xC3' && static_cast<unsigned char>(last) >= 0x9FU;
}

/// True when the full stop at byte `dot` closes an abbreviation, an initial or an acronym.
bool is_abbreviation_dot(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' &&
           space_length_before(text.substr(0, start)) == 0) {
        --start;
    }
    const std::string_view word = text.substr(start, dot - start);
    if (word.empty()) {
        return false;
    }
    if (word.find('.') != std::string_view::npos) {
        return true; // O.N.U. or J.-P.
    }
    // An initial, alone or after a hyphen: "George W. Bush", "Jean-P. Dupont".
    const std::string_view last_part = word.substr(word.rfind('-') + 1);
    if (!last_part.empty() && analysis::count_code_points(last_part) == 1) {
        return is_capital(analysis::decode_utf8(last_part, 0).code_point);
    }
    const std::string folded = fold_for_matching(word);
    for (const std::string_view abbreviation : k_abbreviations) {
        if (folded == abbreviation) {
            return true;
        }
    }
    return false;
}

/// Length in bytes of the sentence-ending punctuation run at `pos` (`.`, `!`, `?`, `…`), or 0.
std::size_t end_punctuation_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size()) {
        if (text[end] == '.' || text[end] == '!' || text[end] == '?') {
            ++end;
        } else if (text.substr(end).starts_with("\u2026")) {
            end += 3;
        } else {
            break;
        }
    }
    return end - pos;
}

/// Byte length of a closing quote or bracket at `pos` (`"`, `)`, `]`, `»`, `”`), or 0.
std::size_t closer_length_at(std::string_view text, std::size_t pos) {
    for (const std::string_view closer : {"\"", ")", "]", "\u00BB", "\u201D"}) {
        if (text.substr(pos).starts_with(closer)) {
            return closer.size();
        }
    }
    return 0;
}

/// Byte length of the first sentence of a one-paragraph, space-normalised `text`.
std::size_t first_sentence_length(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const std::size_t run = end_punctuation_at(text, pos);
        if (run == 0) {
            continue;
        }
        std::size_t end = pos + run;
        for (std::size_t len = closer_length_at(text, end); len > 0;
             len = closer_length_at(text, end)) {
            end += len;
        }
        if (end == text.size()) {
            return end;
        }
        const bool single_dot = run == 1 && text[pos] == '.';
        const std::size_t gap = space_length_at(text, end);
        // "jeudi.Le gouvernement": scraped copy sometimes loses the space after a full stop.
        const bool glued = gap == 0 && single_dot && pos >= 2 && lower_letter_before(text, pos) &&
                           lower_letter_before(text, pos - 1) && opens_sentence(text, end);
        if ((gap == 0 && !glued) || (single_dot && is_abbreviation_dot(text, pos)) ||
            !opens_sentence(text, end + gap)) {
            pos = end - 1;
            continue;
        }
        return end;
    }
    return text.size();
}

/// The first paragraph of `body` (up to the first blank line) on one line, space-normalised.
std::string first_paragraph(std::string_view body) {
    std::string paragraph;
    while (!body.empty()) {
        const std::size_t end = std::min(body.find('\n'), body.size());
        const std::string line = normalize_space(body.substr(0, end));
        body.remove_prefix(std::min(end + 1, body.size()));
        if (line.empty() && !paragraph.empty()) {
            break;
        }
        paragraph += (paragraph.empty() || line.empty()) ? "" : " ";
        paragraph += line;
    }
    return paragraph;
}

/// Byte offset just after the first `count` code points of `text` (or its size).
std::size_t offset_after_code_points(std::string_view text, std::size_t count) {
    std::size_t pos = 0;
    for (; pos < text.size() && count > 0; --count) {
        pos += analysis::decode_utf8(text, pos).length;
    }
    return pos;
}

/// Byte length of a character a cut title should not end with before its "…", or 0.
std::size_t dangling_tail_length(std::string_view text) {
    for (const std::string_view tail : {" ", ",", ";", ":", "-", "(", "'", "\"", "\u00A0", "\u202F",
                                        "\u00AB", "\u2013", "\u2014", "\u2019"}) {
        if (text.ends_with(tail)) {
            return tail.size();
        }
    }
    return 0;
}

} // namespace

std::string normalize_space(std::string_view text) {
    std::size_t lead = 0;
    while (lead < text.size()) {
        const std::size_t len = space_length_at(text, lead);
        if (len == 0) {
            break;
        }
        lead += len;
    }
    text.remove_prefix(lead);
    for (std::size_t len = space_length_before(text); len > 0; len = space_length_before(text)) {
        text.remove_suffix(len);
    }
    // Branch-free pass (it runs over every body of a large import): each byte is stored, then
    // kept or overwritten; a space is stored before a kept byte that follows blanks. The ends
    // are trimmed above, so the text starts and ends with a kept byte.
    std::string out(text.size(), '\0');
    char* write = out.data();
    bool after_blank = false;
    for (const char c : text) {
        const bool blank = is_blank_byte(c);
        *write = ' ';
        write += static_cast<std::ptrdiff_t>(after_blank && !blank);
        *write = c;
        write += static_cast<std::ptrdiff_t>(!blank);
        after_blank = blank;
    }
    out.resize(static_cast<std::size_t>(write - out.data()));
    return out;
}

std::string title_from_body(std::string_view body, std::size_t max_chars) {
    const std::string paragraph = first_paragraph(body);
    const std::string_view sentence =
        std::string_view(paragraph).substr(0, first_sentence_length(paragraph));
    if (analysis::count_code_points(sentence) <= max_chars) {
        return normalize_space(sentence);
    }
    if (max_chars == 0) {
        return "";
    }
    const std::size_t hard_cut = offset_after_code_points(sentence, max_chars - 1);
    std::size_t cut = hard_cut;
    if (sentence[hard_cut] != ' ') {
        const std::size_t space = sentence.rfind(' ', hard_cut);
        cut = (space != std::string_view::npos && space > 0) ? space : hard_cut;
    }
    std::string_view kept = sentence.substr(0, cut);
    for (std::size_t len = dangling_tail_length(kept); len > 0; len = dangling_tail_length(kept)) {
        kept.remove_suffix(len);
    }
    if (kept.empty()) {
        kept = sentence.substr(0, hard_cut);
    }
    return std::string(kept) + "\u2026";
}

bool is_valid_id(std::string_view id, std::string* why) {
    const auto fail = [why](const char* reason) {
        if (why != nullptr) {
            *why = reason;
        }
        return false;
    };
    if (id.empty()) {
        return fail("id is empty");
    }
    if (id.size() > 200) {
        return fail("id is longer than 200 bytes");
    }
    if (!analysis::is_valid_utf8(id)) {
        return fail("id is not valid UTF-8");
    }
    for (std::size_t pos = 0; pos < id.size();) {
        const analysis::DecodedChar decoded = analysis::decode_utf8(id, pos);
        if (decoded.code_point < 0x20 ||
            (decoded.code_point >= 0x7F && decoded.code_point < 0xA0)) {
            return fail("id contains a control character");
        }
        pos += decoded.length;
    }
    if (space_length_at(id, 0) > 0 || space_length_before(id) > 0) {
        return fail("id starts or ends with white space");
    }
    return true;
}

} // namespace depeches::ingest
