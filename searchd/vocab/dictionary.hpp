// A Hunspell dictionary, such as Debian's French one (package hunspell-fr,
// /usr/share/hunspell/fr_FR.aff and .dic): every inflection of the language's words ("sociétaux",
// "planifications", "mourait") and many names ("Syrie", "Antalya"), which a plain word list
// lacks. Spelling help asks it whether a typed word is a word of the language.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>

struct Hunhandle;

namespace depeches::vocab {

/// Debian's French Hunspell dictionary, read by default when it is there: the files
/// k_default_dictionary + ".aff" and + ".dic".
inline constexpr const char* k_default_dictionary = "/usr/share/hunspell/fr_FR";

/// A dictionary that cannot be read; the message is for the user.
class DictionaryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A Hunspell dictionary in memory. Thread-safe (Hunspell itself is not: one lookup at a time).
class Dictionary {
public:
    /// Reads PREFIX.aff and PREFIX.dic. Throws DictionaryError when either cannot be read or
    /// is empty, or the .dic does not start with its word count as Hunspell's do.
    explicit Dictionary(const std::filesystem::path& prefix);
    ~Dictionary();
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    /// True when the dictionary has `word` (UTF-8, as typed: "Syrie" is a name, "syrie"
    /// is not a word). Words longer than k_max_word_bytes are not.
    [[nodiscard]] bool knows(std::string_view word) const;

    static constexpr std::size_t k_max_word_bytes = 100;

private:
    Hunhandle* m_handle = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace depeches::vocab
