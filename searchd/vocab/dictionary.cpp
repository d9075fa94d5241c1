// Hunspell's dictionary behind a lock.
#include "searchd/vocab/dictionary.hpp"

#include <fstream>
#include <hunspell.h>
#include <string>

namespace depeches::vocab {

namespace {

/// The first line of `path` that is not blank or a comment, or throws DictionaryError.
std::string first_line(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw DictionaryError("cannot read the dictionary file " + path.string());
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() != '#' && line.find_first_not_of(" \t\r") != line.npos) {
            return line;
        }
    }
    throw DictionaryError("the dictionary file " + path.string() + " is empty");
}

} // namespace

Dictionary::Dictionary(const std::filesystem::path& prefix) {
    const std::filesystem::path aff = prefix.string() + ".aff";
    const std::filesystem::path dic = prefix.string() + ".dic";
    first_line(aff);
    // A .dic file starts with its number of words.
    const std::string count = first_line(dic);
    if (count.find_first_not_of("0123456789 \t\r") != std::string::npos) {
        throw DictionaryError("the dictionary file " + dic.string() +
                              " is not a Hunspell dictionary (it starts with its word count)");
    }
    m_handle = Hunspell_create(aff.c_str(), dic.c_str());
    if (m_handle == nullptr) {
        throw DictionaryError("Hunspell cannot read the dictionary " + prefix.string());
    }
}

Dictionary::~Dictionary() {
    Hunspell_destroy(m_handle);
}

bool Dictionary::knows(std::string_view word) const {
    if (word.empty() || word.size() > k_max_word_bytes) {
        return false;
    }
    const std::string text(word);
    const std::lock_guard<std::mutex> lock(m_mutex);
    return Hunspell_spell(m_handle, text.c_str()) != 0;
}

} // namespace depeches::vocab
