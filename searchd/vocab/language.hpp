// The words of the language, for spelling help: a word the language has is a word the reader
// meant, even when no dispatch has it ("comment" is not "nomment" among 761 Wikipedia
// paragraphs, nor "sociétaux" "sociaux"). Two sources: a word list (Debian's wfrench), whose
// folded forms also know a word typed without its accents, and a Hunspell dictionary (Debian's
// hunspell-fr), which knows every inflection and many names.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "searchd/vocab/dictionary.hpp"
#include "searchd/vocab/word_list.hpp"

namespace depeches::vocab {

/// Immutable once built, so safe to share between threads.
class Language {
public:
    /// No word of the language is known.
    Language() = default;
    Language(WordList words, std::shared_ptr<const Dictionary> dictionary)
        : m_words(std::move(words)), m_dictionary(std::move(dictionary)) {}

    /// True when the word typed `lower` (case-folded, with the accents typed) and folded `form`
    /// is a word of the language: the word list has its folded form, or the dictionary has it
    /// as typed or as a name ("syrie" is Syrie).
    [[nodiscard]] bool has(std::string_view form, std::string_view lower) const;

private:
    WordList m_words;
    std::shared_ptr<const Dictionary> m_dictionary;
};

} // namespace depeches::vocab
