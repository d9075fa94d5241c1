// The words of the language, from a word list such as Debian's /usr/share/dict/french
// (package wfrench): a word the language has is a word the reader meant, even when no
// dispatch has it. Spelling help then leaves it as typed instead of taking it for a typo: on
// a small index, "comment" is not "nomment", nor "magicienne" "musicienne".
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace depeches::vocab {

/// Debian's French word list, read by default when it is there.
inline constexpr const char* k_default_word_list = "/usr/share/dict/french";
/// Largest word list read, in bytes (Debian's French list has 4 MB).
inline constexpr std::uintmax_t k_max_word_list_bytes = 64U << 20U;

/// A word list that cannot be read; the message is for the user.
class WordListError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The folded forms of a language's words, as the tokenizer folds a typed word ("décidée" →
/// "decidee"). Immutable once built, so safe to share between threads.
class WordList {
public:
    /// An empty list: no word is known.
    WordList() = default;

    /// The words of `text`, one per line (UTF-8). A line that is not one word ("abat-jour",
    /// "c'est-à-dire", blank) is left out.
    static WordList of(std::string_view text);
    /// The words of the file `path` (see of()). Throws WordListError when it cannot be read,
    /// is larger than k_max_word_list_bytes, is binary (NUL bytes) or has no word.
    static WordList read(const std::filesystem::path& path);

    /// True when the list has the word whose folded form is `form`.
    [[nodiscard]] bool has(std::string_view form) const;
    /// Number of distinct folded forms.
    [[nodiscard]] std::size_t size() const { return m_ends.size(); }

private:
    std::string m_forms;               ///< the folded forms, sorted, one after another
    std::vector<std::uint32_t> m_ends; ///< where each form of m_forms ends
};

} // namespace depeches::vocab
