// The index's own vocabulary, in memory: words as written, headline phrases and synonyms (the
// acronyms the corpus defines, plus a short curated French list). It serves spelling
// suggestions, typo tolerance, synonym expansion and search-as-you-type. A Lexicon is an
// immutable snapshot of one revision of the index, shared by every worker thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace depeches::vocab {

/// A word is a name when one in this many of its dispatches writes it as one (Entry::is_name).
inline constexpr Xapian::doccount k_name_share_inverse = 10;

/// A word or phrase of the vocabulary.
struct Entry {
    std::string key;           ///< folded forms joined by spaces ("etat islamique")
    std::string text;          ///< its most frequent spelling, lower case ("état islamique")
    Xapian::doccount count{0}; ///< dispatches that contain it (summed over spellings)
    Xapian::doccount names{0}; ///< of those, the dispatches that write it as a name somewhere
                               ///< (a capital where no sentence begins; see written_as_name)

    /// True when at least one in k_name_share_inverse of its dispatches writes it as a name:
    /// "Alep", "ONU", and the common words of names ("Mer du Nord": "nord" 48 % on OrangeSum,
    /// "Bruno Le Maire": "maire" 15 %); not "maintenant" (1.5 %: "La Paix Maintenant", a
    /// sentence after "(...)") nor "série" (3.9 %, "Série A").
    [[nodiscard]] bool is_name() const {
        return count > 0 && names * k_name_share_inverse >= count;
    }
};

/// A known word near an unknown one.
struct Correction {
    const Entry* entry = nullptr;
    unsigned distance = 0; ///< edits (insert, delete, substitute, swap two neighbours)
};

/// Shortest word, in characters, that typo tolerance and spelling suggestions touch.
inline constexpr std::size_t k_min_typo_chars = 4;
/// From this length on, two typos are tolerated instead of one.
inline constexpr std::size_t k_two_typos_chars = 8;

/// Edits tolerated in a word of `chars` characters: 0, 1 or 2.
unsigned typo_budget(std::size_t chars);

/// The code points of UTF-8 `text`, as edit distances count them.
std::u32string code_points(std::string_view text);

/// Optimal string alignment distance between `a` and `b`, or `limit + 1` when above `limit`.
unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit);

/// The code points of `word` as a set of 64 bits (code point modulo 64): two words whose masks
/// differ in k bits differ in at least k letters.
std::uint64_t letter_mask(std::u32string_view word);

/// The key of `text`: its words' folded forms joined by single spaces.
std::string key_of(std::string_view text);

/// The term whose posting list holds the dispatches that write the vocabulary word `text`
/// (lower case): a compound's own term ("Wcessez-le-feu"), or a word's folded exact form,
/// which each of its spellings adds ("Eetat" for "état" and "etat").
std::string written_term(std::string_view text);

class Lexicon {
public:
    /// Reads the vocabulary of `db` (its words from the exact forms, compounds, headline
    /// phrases and acronyms; see schema.hpp) and adds the curated synonyms.
    static std::shared_ptr<const Lexicon> load(const Xapian::Database& db);
    /// An empty lexicon with only the curated synonyms.
    Lexicon();

    /// The word with this key, or null.
    [[nodiscard]] const Entry* word(std::string_view key) const;
    /// Words whose key starts with `key_prefix`, most frequent first, at most `n`.
    [[nodiscard]] std::vector<const Entry*> complete_words(std::string_view key_prefix,
                                                           std::size_t n) const;
    /// Headline phrases whose key starts with `key_prefix`, most frequent first, at most `n`.
    [[nodiscard]] std::vector<const Entry*> complete_phrases(std::string_view key_prefix,
                                                             std::size_t n) const;
    /// The words to try instead of the word with key `key`, which `known` dispatches contain
    /// (under any spelling or inflection): words within its typo budget (one edit only for a
    /// word some dispatch writes) that are at least ten times as frequent, nearest first, then
    /// most frequent; at most `n`. Empty for a word frequent enough to be meant.
    [[nodiscard]] std::vector<Correction> corrections(std::string_view key, Xapian::doccount known,
                                                      std::size_t n) const;
    /// Words (not compounds) found in `least` dispatches or more whose key begins one edit
    /// away from `key_prefix` (as long, a letter shorter or a letter longer) with the same
    /// first letter, most frequent first, at most `n`: what a prefix with a typo was starting.
    [[nodiscard]] std::vector<const Entry*>
    near_prefix(std::string_view key_prefix, Xapian::doccount least, std::size_t n) const;
    /// Lower-case texts meaning the same as the words with key `key` (an acronym and its full
    /// names, curated variants); empty when none.
    [[nodiscard]] const std::vector<std::string>& synonyms(std::string_view key) const;

    /// Adds a spelling of a word or phrase (for load() and tests); call finish() after.
    void add_word(std::string_view text, Xapian::doccount count, Xapian::doccount names = 0);
    void add_phrase(std::string_view text, Xapian::doccount count);
    /// Makes every text of `group` a synonym of the others.
    void add_synonyms(const std::vector<std::string>& group);
    /// Sorts and indexes what was added.
    void finish();

private:
    static void add_to(std::vector<Entry>& entries, std::string_view text, Xapian::doccount count,
                       Xapian::doccount names);
    static void merge(std::vector<Entry>& entries);
    static std::vector<const Entry*> complete(const std::vector<Entry>& entries,
                                              std::string_view key_prefix, std::size_t n);

    std::vector<Entry> m_words;   ///< sorted by key, one per key
    std::vector<Entry> m_phrases; ///< sorted by key, one per key
    /// A word as the typo search scans it.
    struct Candidate {
        std::uint64_t letters = 0;  ///< letter_mask of its key
        Xapian::doccount count = 0; ///< its Entry::count
        std::size_t index = 0;      ///< into m_words
    };
    std::vector<std::u32string> m_word_chars; ///< m_words[i].key as code points
    /// The words by key length in code points, most frequent first.
    std::vector<std::vector<Candidate>> m_by_length;
    /// The words (indexes into m_words) by first code point, most frequent first.
    std::unordered_map<char32_t, std::vector<std::size_t>> m_by_initial;
    std::unordered_map<std::string, std::vector<std::string>> m_synonyms;
};

} // namespace depeches::vocab
