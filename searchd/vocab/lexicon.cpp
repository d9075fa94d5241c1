// The vocabulary snapshot: sorted entries for completions, a length index for bounded edit
// distance, and a synonym table.
#include "searchd/vocab/lexicon.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "indexer/analysis/stemmer.hpp"
#include "indexer/analysis/tokenizer.hpp"
#include "indexer/analysis/utf8.hpp"
#include "indexer/index/schema.hpp"

namespace depeches::vocab {

namespace {

/// A word at least this frequent is taken as meant: no corrections are looked for. Of 600
/// OrangeSum words written in 5 to 19 dispatches, 133 had a word ten times as frequent one
/// edit away, nearly always another word (sélections/élections, déformer/réformer,
/// bilal/bilan); from 20 to 199 dispatches, 86 (retraits/retraites, étang/étant, bible/cible).
/// Real typos are rarer: coronaviurus (3), tageddine (1).
constexpr Xapian::doccount k_trusted_count = 5;
/// A correction must be this many times as frequent as the word it replaces.
constexpr Xapian::doccount k_correction_ratio = 10;
/// Full names kept per acronym, the most frequent.
constexpr std::size_t k_full_names_per_acronym = 3;

/// Curated French synonyms: acronyms the wire uses without defining them, and spelling
/// variants. Each group's texts stand for one another.
const std::vector<std::vector<std::string>>& curated_synonyms() {
    static const std::vector<std::vector<std::string>> groups = {
        {"ei", "état islamique", "daech", "daesh"},
        {"onu", "nations unies", "organisation des nations unies"},
        {"otan", "organisation du traité de l'atlantique nord"},
        {"ue", "union européenne"},
        {"oms", "organisation mondiale de la santé"},
        {"fmi", "fonds monétaire international"},
        {"bce", "banque centrale européenne"},
        {"pib", "produit intérieur brut"},
        {"osdh", "observatoire syrien des droits de l'homme"},
        {"cicr", "comité international de la croix-rouge"},
        {"jihad", "djihad"},
        {"jihadiste", "djihadiste"},
        {"jihadistes", "djihadistes"},
        {"hezbollah", "hizbollah"},
        {"kadhafi", "kaddafi"},
    };
    return groups;
}

bool by_key(const Entry& a, const Entry& b) {
    return a.key < b.key;
}

} // namespace

unsigned typo_budget(std::size_t chars) {
    return chars < k_min_typo_chars ? 0U : chars < k_two_typos_chars ? 1U : 2U;
}

namespace {

/// The optimal-string-alignment distance of `a` and `b` (sizes within `limit` of each other),
/// or `limit + 1` when above it, in the three rows `rows` of `b.size() + 1` cells each.
unsigned osa_distance(std::u32string_view a, std::u32string_view b, unsigned limit,
                      unsigned* rows) {
    const std::size_t m = b.size();
    unsigned* before = rows;
    unsigned* previous = rows + m + 1;
    unsigned* current = rows + 2 * (m + 1);
    for (std::size_t j = 0; j <= m; ++j) {
        previous[j] = static_cast<unsigned>(j);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                best = std::min(best, before[j - 2] + 1);
            }
            current[j] = best;
            row_min = std::min(row_min, best);
        }
        if (row_min > limit) {
            return limit + 1;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

/// Longest word whose distance is computed without allocating.
constexpr std::size_t k_short_word = 63;

} // namespace

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const analysis::DecodedChar c = analysis::decode_utf8(text, pos);
        out.push_back(c.code_point);
        pos += c.length;
    }
    return out;
}

unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) {
        return limit + 1;
    }
    if (b.size() <= k_short_word) {
        std::array<unsigned, 3 * (k_short_word + 1)> rows{};
        return osa_distance(a, b, limit, rows.data());
    }
    std::vector<unsigned> rows(3 * (b.size() + 1));
    return osa_distance(a, b, limit, rows.data());
}

std::uint64_t letter_mask(std::u32string_view word) {
    std::uint64_t mask = 0;
    for (const char32_t c : word) {
        mask |= std::uint64_t{1} << (c % 64);
    }
    return mask;
}

std::string key_of(std::string_view text) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(text, tokens);
    std::string key;
    for (const analysis::Token& token : tokens) {
        if (token.kind == analysis::TokenKind::compound_whole) {
            continue;
        }
        if (!key.empty()) {
            key += ' ';
        }
        key += token.form;
    }
    return key;
}

Lexicon::Lexicon() {
    for (const auto& group : curated_synonyms()) {
        add_synonyms(group);
    }
}

std::string written_term(std::string_view text) {
    if (text.find('-') != std::string_view::npos) {
        return std::string(index::k_prefix_word).append(text);
    }
    return index::exact_term(analysis::fold_text(text));
}

namespace {

/// A number as the tokenizer writes it ("2016", "3,5"): not a word to complete or correct.
bool is_number(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || c == ','; });
}

/// A compound's parts joined as its exact form joins them ("cessez-le-feu" → "cessezlefeu").
std::string joined_key(std::string_view compound) {
    std::string key = analysis::fold_text(compound);
    std::erase_if(key, [](char c) { return c == '-' || c == '\''; });
    return key;
}

/// A word's spellings, as its exact forms count them.
struct Spellings {
    std::string key;                     ///< the folded form ("etat")
    Xapian::doccount all = 0;            ///< dispatches with the word, however spelt
    Xapian::doccount accented = 0;       ///< dispatches with an accented spelling, summed over them
    Xapian::termcount accented_uses = 0; ///< occurrences of its accented spellings
    std::string best;                    ///< its most used accented spelling ("état")
    Xapian::termcount best_uses = 0;
};

/// The words of `db`, read from its exact forms: "E<folded>" counts the dispatches that have
/// a word however spelt, "E<lower>" (with accents) those that have one accented spelling. A
/// word's text is its most used spelling, by occurrences: each occurrence adds to the folded
/// form and to its accented spelling, if any, so the unaccented spelling's are the folded
/// form's less the accented ones'. Left out: numbers, one-letter words without accents, and
/// the joined forms of the compounds in `compounds` (key → dispatches), unless dispatches
/// also write them as one word.
void add_exact_words(const Xapian::Database& db,
                     const std::unordered_map<std::string, Xapian::doccount>& compounds,
                     Lexicon& lexicon) {
    const std::string prefix(index::k_prefix_exact);
    // A folded form is ASCII, so it sorts before its accented spellings (at the first byte
    // that differs, theirs is above ASCII): when one comes, its word is already in `words`.
    std::vector<Spellings> words;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        const std::string_view form = std::string_view(term).substr(prefix.size());
        const Xapian::doccount count = it.get_termfreq();
        const bool folded = std::all_of(
            form.begin(), form.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (folded) {
            Spellings& word = words.emplace_back();
            word.key.assign(form);
            word.all = count;
            continue;
        }
        const std::string key = analysis::fold_text(form);
        const auto word =
            std::lower_bound(words.begin(), words.end(), key,
                             [](const Spellings& s, const std::string& k) { return s.key < k; });
        if (word == words.end() || word->key != key) {
            continue; // every word has its folded form; not a word's spelling
        }
        const Xapian::termcount uses = db.get_collection_freq(term);
        word->accented += count;
        word->accented_uses += uses;
        if (uses > word->best_uses) {
            word->best.assign(form);
            word->best_uses = uses;
        }
    }
    // "N<folded>" counts the dispatches that write a word as a name; both lists are sorted.
    const std::string names_prefix(index::k_prefix_name);
    auto name = db.allterms_begin(names_prefix);
    const auto names_end = db.allterms_end(names_prefix);
    for (const Spellings& word : words) {
        Xapian::doccount names = 0;
        if (name != names_end) {
            name.skip_to(names_prefix + word.key);
            if (name != names_end &&
                std::string_view(*name).substr(names_prefix.size()) == word.key) {
                names = name.get_termfreq();
            }
        }
        if (is_number(word.key)) {
            continue;
        }
        Xapian::doccount count = word.all;
        if (const auto compound = compounds.find(word.key); compound != compounds.end()) {
            count -= std::min(count, compound->second);
        }
        if (word.key.size() <= 1) {
            count = std::min(count, word.accented);
        }
        if (count == 0) {
            continue;
        }
        bool accented = false;
        if (word.best_uses > 0) {
            const Xapian::termcount uses = db.get_collection_freq(index::exact_term(word.key));
            const Xapian::termcount unaccented =
                word.key.size() > 1 ? uses - std::min(uses, word.accented_uses) : 0;
            accented = word.best_uses > unaccented;
        }
        lexicon.add_word(accented ? word.best : word.key, count, names);
    }
}

} // namespace

std::shared_ptr<const Lexicon> Lexicon::load(const Xapian::Database& db) {
    auto lexicon = std::make_shared<Lexicon>();
    std::unordered_map<std::string, Xapian::doccount> compounds; // joined key → dispatches
    const std::string words(index::k_prefix_word);
    for (auto it = db.allterms_begin(words); it != db.allterms_end(words); ++it) {
        const std::string term = *it;
        const std::string_view compound = std::string_view(term).substr(words.size());
        lexicon->add_word(compound, it.get_termfreq());
        compounds[joined_key(compound)] += it.get_termfreq();
    }
    add_exact_words(db, compounds, *lexicon);
    const std::string phrases(index::k_prefix_phrase);
    for (auto it = db.allterms_begin(phrases); it != db.allterms_end(phrases); ++it) {
        lexicon->add_phrase(std::string_view(*it).substr(phrases.size()), it.get_termfreq());
    }
    // "A<acronym> <full name>": the most frequent full names of each acronym.
    std::map<std::string, std::vector<std::pair<Xapian::doccount, std::string>>> acronyms;
    const std::string prefix(index::k_prefix_acronym);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        const auto space = term.find(' ', prefix.size());
        if (space != std::string::npos) {
            acronyms[term.substr(prefix.size(), space - prefix.size())].emplace_back(
                it.get_termfreq(), term.substr(space + 1));
        }
    }
    for (auto& [acronym, names] : acronyms) {
        std::sort(names.rbegin(), names.rend());
        names.resize(std::min(names.size(), k_full_names_per_acronym));
        for (const auto& name : names) {
            lexicon->add_synonyms({acronym, name.second});
        }
    }
    lexicon->finish();
    return lexicon;
}

void Lexicon::add_to(std::vector<Entry>& entries, std::string_view text, Xapian::doccount count,
                     Xapian::doccount names) {
    std::string key =
        text.find(' ') == std::string_view::npos ? analysis::fold_text(text) : key_of(text);
    if (!key.empty()) {
        entries.push_back({std::move(key), std::string(text), count, std::min(names, count)});
    }
}

void Lexicon::add_word(std::string_view text, Xapian::doccount count, Xapian::doccount names) {
    add_to(m_words, text, count, names);
}

void Lexicon::add_phrase(std::string_view text, Xapian::doccount count) {
    add_to(m_phrases, text, count, 0);
}

void Lexicon::add_synonyms(const std::vector<std::string>& group) {
    for (const std::string& text : group) {
        const std::string key = key_of(text);
        if (key.empty()) {
            continue;
        }
        auto& alternatives = m_synonyms[key];
        for (const std::string& other : group) {
            if (key_of(other) != key &&
                std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end()) {
                alternatives.push_back(other);
            }
        }
    }
}

/// Sorts by key and merges the spellings of one key: the most frequent text, counts summed.
void Lexicon::merge(std::vector<Entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), by_key);
    std::vector<Entry> merged;
    for (Entry& e : entries) {
        if (!merged.empty() && merged.back().key == e.key) {
            Entry& kept = merged.back();
            if (e.count > kept.count) {
                kept.text = std::move(e.text);
            }
            kept.count += e.count;
            kept.names += e.names;
        } else {
            merged.push_back(std::move(e));
        }
    }
    entries = std::move(merged);
}

void Lexicon::finish() {
    merge(m_words);
    merge(m_phrases);
    m_word_chars.clear();
    m_by_length.clear();
    m_by_initial.clear();
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        m_word_chars.push_back(code_points(m_words[i].key));
        if (m_words[i].key.find('-') != std::string::npos) {
            continue; // a compound is completed, never a typed word's correction
        }
        const std::u32string& chars = m_word_chars.back();
        if (m_by_length.size() <= chars.size()) {
            m_by_length.resize(chars.size() + 1);
        }
        m_by_length[chars.size()].push_back({letter_mask(chars), m_words[i].count, i});
        if (!chars.empty()) {
            m_by_initial[chars.front()].push_back(i);
        }
    }
    for (auto& words : m_by_length) {
        std::stable_sort(words.begin(), words.end(),
                         [](const Candidate& a, const Candidate& b) { return a.count > b.count; });
    }
    for (auto& [initial, words] : m_by_initial) {
        std::stable_sort(words.begin(), words.end(), [this](std::size_t a, std::size_t b) {
            return m_words[a].count > m_words[b].count;
        });
    }
}

const Entry* Lexicon::word(std::string_view key) const {
    const auto it = std::lower_bound(m_words.begin(), m_words.end(), key,
                                     [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != m_words.end() && it->key == key ? &*it : nullptr;
}

std::vector<const Entry*> Lexicon::complete(const std::vector<Entry>& entries,
                                            std::string_view key_prefix, std::size_t n) {
    std::vector<const Entry*> found;
    auto it = std::lower_bound(entries.begin(), entries.end(), key_prefix,
                               [](const Entry& e, std::string_view k) { return e.key < k; });
    for (; it != entries.end() && it->key.compare(0, key_prefix.size(), key_prefix) == 0; ++it) {
        found.push_back(&*it);
    }
    const auto more_frequent = [](const Entry* a, const Entry* b) {
        return a->count != b->count ? a->count > b->count : a->key < b->key;
    };
    const std::size_t kept = std::min(n, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                      more_frequent);
    found.resize(kept);
    return found;
}

std::vector<const Entry*> Lexicon::complete_words(std::string_view key_prefix,
                                                  std::size_t n) const {
    return complete(m_words, key_prefix, n);
}

std::vector<const Entry*> Lexicon::complete_phrases(std::string_view key_prefix,
                                                    std::size_t n) const {
    return complete(m_phrases, key_prefix, n);
}

std::vector<Correction> Lexicon::corrections(std::string_view key, Xapian::doccount known,
                                             std::size_t n) const {
    const std::u32string chars = code_points(key);
    // A word some dispatch writes is meant more often than not: another word two edits away
    // is nearly always a different word ("comporte" is not "compte", "Manosque" not "masque").
    const unsigned budget = std::min(typo_budget(chars.size()), word(key) != nullptr ? 1U : 2U);
    if (budget == 0 || known >= k_trusted_count || key.find(' ') != std::string_view::npos) {
        return {};
    }
    const Xapian::doccount needed = std::max<Xapian::doccount>(1, known * k_correction_ratio);
    std::vector<Correction> found;
    // Each edit adds or takes away at most two of a word's letters (a substitution), so a
    // word whose letters differ from the key's by more than twice the budget is too far.
    const std::uint64_t mask = letter_mask(chars);
    const int most_letters_apart = 2 * static_cast<int>(budget);
    const std::size_t shortest = chars.size() - std::min<std::size_t>(budget, chars.size());
    for (std::size_t length = shortest;
         length <= chars.size() + budget && length < m_by_length.size(); ++length) {
        for (const Candidate& candidate : m_by_length[length]) {
            if (candidate.count < needed) {
                break; // most frequent first
            }
            if (std::popcount(candidate.letters ^ mask) > most_letters_apart) {
                continue;
            }
            const unsigned d = edit_distance(chars, m_word_chars[candidate.index], budget);
            if (d > 0 && d <= budget) {
                found.push_back({&m_words[candidate.index], d});
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const Correction& a, const Correction& b) {
        if (a.distance != b.distance) {
            return a.distance < b.distance;
        }
        return a.entry->count != b.entry->count ? a.entry->count > b.entry->count
                                                : a.entry->key < b.entry->key;
    });
    found.resize(std::min(found.size(), n));
    return found;
}

std::vector<const Entry*> Lexicon::near_prefix(std::string_view key_prefix, Xapian::doccount least,
                                               std::size_t n) const {
    const std::u32string typed = code_points(key_prefix);
    std::vector<const Entry*> found;
    const auto initial = typed.empty() ? m_by_initial.end() : m_by_initial.find(typed.front());
    if (initial == m_by_initial.end()) {
        return found;
    }
    for (const std::size_t i : initial->second) {
        if (m_words[i].count < least || found.size() == n) {
            break; // most frequent first
        }
        const std::u32string_view word = m_word_chars[i];
        if (word.substr(0, typed.size()) == typed) {
            continue; // it begins with the prefix itself
        }
        for (std::size_t length = typed.size() - 1; length <= typed.size() + 1; ++length) {
            if (length <= word.size() && edit_distance(typed, word.substr(0, length), 1) == 1) {
                found.push_back(&m_words[i]);
                break;
            }
        }
    }
    return found;
}

const std::vector<std::string>& Lexicon::synonyms(std::string_view key) const {
    static const std::vector<std::string> none;
    const auto it = m_synonyms.find(std::string(key));
    return it == m_synonyms.end() ? none : it->second;
}

} // namespace depeches::vocab
