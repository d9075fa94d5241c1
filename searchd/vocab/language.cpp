// A word of the language: in the word list or in the dictionary.
#include "searchd/vocab/language.hpp"

#include "indexer/analysis/char_table.hpp"

namespace depeches::vocab {

bool Language::has(std::string_view form, std::string_view lower) const {
    if (m_words.has(form)) {
        return true;
    }
    return m_dictionary != nullptr && !lower.empty() &&
           (m_dictionary->knows(lower) || m_dictionary->knows(analysis::capitalised(lower)));
}

} // namespace depeches::vocab
