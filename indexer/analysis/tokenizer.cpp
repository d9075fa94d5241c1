// French word segmentation in two steps. A chunk is a run of atoms (letters, digits, marks)
// linked by single inner connectors: apostrophe, hyphen, dot, comma, or a space between digit
// groups. Each chunk is then read into words (numbers, acronyms, elisions, apostrophe words),
// and words linked by hyphens become a compound.
#include "indexer/analysis/tokenizer.hpp"

#include <algorithm>
#include <iterator>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/french.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

/// A maximal run of letters, digits and marks.
struct Atom {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string form;        ///< folded
    std::string lower;       ///< case-folded, accents kept
    std::uint32_t chars = 0; ///< letters and digits (marks and ignorables not counted)
    bool has_mark = false;   ///< combining marks were met: `lower` needs composing
    bool has_letter = false;
    bool has_digit = false;
    [[nodiscard]] bool all_digits() const { return has_digit && !has_letter; }
    [[nodiscard]] bool single_letter() const { return chars == 1 && has_letter; }
};

/// What links an atom to the next one in the same chunk.
enum class Link : std::uint8_t { none, apostrophe, hyphen, dot, comma, group_space };

/// A word read from a chunk, before positions are given.
struct Word {
    std::string form;
    std::string lower;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::word;
    bool hyphen_after = false; ///< the next word is the next part of the same compound
};

bool is_word_char(CharClass cls) {
    return cls == CharClass::letter || cls == CharClass::digit || cls == CharClass::mark;
}

class ChunkReader {
public:
    explicit ChunkReader(std::string_view text) : m_text(text) {}

    /// Reads the chunk starting at `pos` (a word character) into atoms and links.
    std::size_t read(std::size_t pos) {
        m_atoms.clear();
        m_links.clear();
        while (true) {
            m_atoms.emplace_back();
            pos = read_atom(pos, m_atoms.back());
            const Link link = peek_link(pos);
            if (link == Link::none) {
                return pos;
            }
            m_links.push_back(link);
            pos += decode_utf8(m_text, pos).length;
        }
    }

    [[nodiscard]] const std::vector<Atom>& atoms() const { return m_atoms; }
    [[nodiscard]] const std::vector<Link>& links() const { return m_links; }

private:
    std::size_t read_atom(std::size_t pos, Atom& atom) const {
        atom.begin = static_cast<std::uint32_t>(pos);
        atom.form.clear();
        atom.lower.clear();
        atom.chars = 0;
        atom.has_letter = atom.has_digit = atom.has_mark = false;
        while (pos < m_text.size()) {
            const DecodedChar decoded = decode_utf8(m_text, pos);
            const CharInfo info = char_info(decoded.code_point);
            if (!decoded.valid || (!is_word_char(info.cls) && info.cls != CharClass::ignorable)) {
                break;
            }
            if (info.cls == CharClass::letter || info.cls == CharClass::digit) {
                ++atom.chars;
                atom.has_letter |= info.cls == CharClass::letter;
                atom.has_digit |= info.cls == CharClass::digit;
            }
            atom.form.append(info.fold);
            atom.lower.append(info.lower);
            atom.has_mark |= info.cls == CharClass::mark;
            pos += decoded.length;
        }
        atom.end = static_cast<std::uint32_t>(pos);
        if (atom.has_mark) {
            atom.lower = compose(atom.lower);
        }
        return pos;
    }

    /// The link at `pos` if it joins the atom just read to a following atom.
    [[nodiscard]] Link peek_link(std::size_t pos) const {
        if (pos >= m_text.size()) {
            return Link::none;
        }
        const DecodedChar connector = decode_utf8(m_text, pos);
        const std::size_t next = pos + connector.length;
        if (!connector.valid || next >= m_text.size()) {
            return Link::none;
        }
        const DecodedChar after = decode_utf8(m_text, next);
        const CharInfo after_info = char_info(after.code_point);
        if (!after.valid ||
            !(after_info.cls == CharClass::letter || after_info.cls == CharClass::digit)) {
            return Link::none;
        }
        const CharInfo info = char_info(connector.code_point);
        switch (info.cls) {
        case CharClass::apostrophe:
            return Link::apostrophe;
        case CharClass::hyphen:
            return Link::hyphen;
        case CharClass::dot:
            return Link::dot;
        case CharClass::comma:
            return m_atoms.back().all_digits() ? Link::comma : Link::none;
        case CharClass::space:
            return info.groups_digits && starts_digit_group(next) ? Link::group_space : Link::none;
        default:
            return Link::none;
        }
    }

    /// True when the atom just read may take a thousands group after a space (8 000) and the
    /// text at `pos` is exactly three digits.
    [[nodiscard]] bool starts_digit_group(std::size_t pos) const {
        const Atom& last = m_atoms.back();
        if (!last.all_digits() || last.chars > 3) {
            return false;
        }
        std::size_t digits = 0;
        while (pos < m_text.size()) {
            const DecodedChar decoded = decode_utf8(m_text, pos);
            const CharInfo info = char_info(decoded.code_point);
            if (info.cls == CharClass::digit) {
                ++digits;
            } else if (is_word_char(info.cls)) {
                return false;
            } else {
                break;
            }
            pos += decoded.length;
        }
        return digits == 3;
    }

    std::string_view m_text;
    std::vector<Atom> m_atoms;
    std::vector<Link> m_links; ///< m_links[i] joins m_atoms[i] and m_atoms[i + 1]
};

/// Reads the atoms and links of one chunk into words.
class WordReader {
public:
    WordReader(std::string_view text, const std::vector<Atom>& atoms,
               const std::vector<Link>& links)
        : m_text(text), m_atoms(atoms), m_links(links) {}

    void read(std::vector<Word>& words) {
        std::size_t i = 0;
        std::uint32_t elided_begin = k_none;
        while (i < m_atoms.size()) {
            Word word;
            const std::size_t next = read_word(i, word, elided_begin);
            if (next == k_elided) {
                elided_begin = m_atoms[i].begin;
                ++i;
                continue;
            }
            if (elided_begin != k_none) {
                word.begin = elided_begin;
                elided_begin = k_none;
            }
            i = next;
            word.hyphen_after = i < m_atoms.size() && m_links[i - 1] == Link::hyphen;
            if (!word.form.empty()) {
                words.push_back(std::move(word));
            } else if (!words.empty()) {
                words.back().hyphen_after = false;
            }
        }
    }

private:
    static constexpr std::uint32_t k_none = 0xFFFFFFFF;
    static constexpr std::size_t k_elided = static_cast<std::size_t>(-1);

    [[nodiscard]] Link link_after(std::size_t i) const {
        return i < m_links.size() ? m_links[i] : Link::none;
    }

    /// Reads the word starting at atom `i`; returns the index of the atom after it, or
    /// k_elided when atom `i` is an elided article to drop.
    std::size_t read_word(std::size_t i, Word& word, std::uint32_t elided_begin) const {
        const Atom& atom = m_atoms[i];
        if (atom.all_digits()) {
            return read_number(i, word);
        }
        if (atom.single_letter() && link_after(i) == Link::dot && m_atoms[i + 1].single_letter()) {
            return read_acronym(i, word);
        }
        if (elided_begin == k_none && link_after(i) == Link::apostrophe && is_elision(atom.form) &&
            m_atoms[i + 1].has_letter) {
            return k_elided;
        }
        word.form = atom.form;
        word.lower = atom.lower;
        word.begin = atom.begin;
        word.end = atom.end;
        std::size_t j = i;
        while (link_after(j) == Link::apostrophe) {
            ++j;
            word.form += '\'';
            word.form += m_atoms[j].form;
            word.lower += '\'';
            word.lower += m_atoms[j].lower;
            word.end = m_atoms[j].end;
        }
        if (j == i) {
            // "XIXe" is "19e": only the case of its letters tells it from a word.
            const std::string_view written = m_text.substr(atom.begin, atom.end - atom.begin);
            if (auto ordinal = roman_ordinal_term(written)) {
                word.form = *ordinal;
                word.lower = std::move(*ordinal);
            }
        }
        return j + 1;
    }

    /// 8.000, 8 000, 1.000.000 → digits joined; 3,5 and 3.5 → "3,5".
    std::size_t read_number(std::size_t i, Word& word) const {
        word.kind = TokenKind::number;
        word.form = m_atoms[i].form;
        word.begin = m_atoms[i].begin;
        std::size_t j = i;
        if (m_atoms[i].chars <= 3) {
            while ((link_after(j) == Link::dot || link_after(j) == Link::group_space) &&
                   m_atoms[j + 1].all_digits() && m_atoms[j + 1].chars == 3) {
                ++j;
                word.form += m_atoms[j].form;
            }
        }
        if ((link_after(j) == Link::comma || link_after(j) == Link::dot) &&
            m_atoms[j + 1].all_digits()) {
            ++j;
            word.form += ',';
            word.form += m_atoms[j].form;
        }
        word.end = m_atoms[j].end;
        word.lower = word.form; // digits have no case or accents
        return j + 1;
    }

    /// O.N.U. → "onu"; the final dot belongs to the span.
    std::size_t read_acronym(std::size_t i, Word& word) const {
        word.kind = TokenKind::acronym;
        word.begin = m_atoms[i].begin;
        std::size_t j = i;
        word.form = m_atoms[j].form;
        word.lower = m_atoms[j].lower;
        while (link_after(j) == Link::dot && m_atoms[j + 1].single_letter()) {
            ++j;
            word.form += m_atoms[j].form;
            word.lower += m_atoms[j].lower;
        }
        word.end = m_atoms[j].end;
        if (word.end < m_text.size() && m_text[word.end] == '.') {
            ++word.end;
        }
        return j + 1;
    }

    std::string_view m_text;
    const std::vector<Atom>& m_atoms;
    const std::vector<Link>& m_links;
};

/// Gives positions to the words of one chunk and appends them as tokens.
std::uint32_t emit_words(const std::vector<Word>& words, std::vector<Token>& out,
                         std::uint32_t position) {
    std::size_t i = 0;
    while (i < words.size()) {
        std::size_t last = i;
        while (words[last].hyphen_after && last + 1 < words.size()) {
            ++last;
        }
        if (last == i) {
            if (words[i].form.size() <= k_max_form_bytes) {
                out.push_back({words[i].form, words[i].lower, words[i].begin, words[i].end,
                               position++, words[i].kind});
            }
            ++i;
            continue;
        }
        const std::uint32_t first_position = position;
        std::string whole;
        std::string whole_lower;
        bool all_numbers = true;
        for (std::size_t k = i; k <= last; ++k) {
            if (words[k].form.size() <= k_max_form_bytes) {
                out.push_back({words[k].form, words[k].lower, words[k].begin, words[k].end,
                               position++, TokenKind::compound_part,
                               static_cast<std::uint16_t>(k - i)});
            }
            all_numbers &= words[k].kind == TokenKind::number;
            std::copy_if(words[k].form.begin(), words[k].form.end(), std::back_inserter(whole),
                         [](char c) { return c != '\''; });
            std::copy_if(words[k].lower.begin(), words[k].lower.end(),
                         std::back_inserter(whole_lower), [](char c) { return c != '\''; });
        }
        if (!all_numbers && last - i + 1 <= k_max_compound_parts &&
            whole.size() <= k_max_form_bytes) {
            out.push_back({std::move(whole), std::move(whole_lower), words[i].begin,
                           words[last].end, first_position, TokenKind::compound_whole});
        }
        i = last + 1;
    }
    return position;
}

} // namespace

std::uint32_t tokenize(std::string_view text, std::vector<Token>& out,
                       std::uint32_t first_position) {
    ChunkReader chunks(text);
    std::vector<Word> words;
    std::uint32_t position = first_position;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const DecodedChar decoded = decode_utf8(text, pos);
        const CharClass cls = char_info(decoded.code_point).cls;
        if (!decoded.valid || !(cls == CharClass::letter || cls == CharClass::digit)) {
            pos += decoded.length;
            continue;
        }
        pos = chunks.read(pos);
        words.clear();
        WordReader(text, chunks.atoms(), chunks.links()).read(words);
        position = emit_words(words, out, position);
    }
    return position;
}

} // namespace depeches::analysis
