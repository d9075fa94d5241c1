// Reading a word list: one word per line, folded as the tokenizer folds words.
#include "searchd/vocab/word_list.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/tokenizer.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::vocab {

namespace {

/// The folded form of `line` when it is one word (letters only, with their accents), as the
/// tokenizer folds a word; empty otherwise. Faster than the tokenizer for a list of words.
std::string form_of(std::string_view line) {
    std::string form;
    for (std::size_t pos = 0; pos < line.size();) {
        const analysis::DecodedChar decoded = analysis::decode_utf8(line, pos);
        const analysis::CharInfo info = analysis::char_info(decoded.code_point);
        if (!decoded.valid ||
            (info.cls != analysis::CharClass::letter && info.cls != analysis::CharClass::mark &&
             info.cls != analysis::CharClass::ignorable)) {
            return {};
        }
        form.append(info.fold);
        pos += decoded.length;
    }
    return form.size() <= analysis::k_max_form_bytes ? form : std::string();
}

} // namespace

WordList WordList::of(std::string_view text) {
    std::vector<std::string> forms;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (std::string form = form_of(line); !form.empty()) {
            forms.push_back(std::move(form));
        }
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    WordList list;
    list.m_ends.reserve(forms.size());
    for (const std::string& form : forms) {
        list.m_forms += form;
        list.m_ends.push_back(static_cast<std::uint32_t>(list.m_forms.size()));
    }
    return list;
}

WordList WordList::read(const std::filesystem::path& path) {
    const std::string name = "word list " + path.string();
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        throw WordListError("cannot read the " + name + ": " + error.message());
    }
    if (size > k_max_word_list_bytes) {
        throw WordListError("the " + name + " has " + std::to_string(size) +
                            " bytes, more than a word list (at most " +
                            std::to_string(k_max_word_list_bytes) + ")");
    }
    const std::string no_word = "the " + name + " has no word (one word per line, UTF-8)";
    if (size == 0) {
        throw WordListError(no_word);
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        throw WordListError("cannot read the " + name);
    }
    const std::string text = bytes.str();
    if (text.find('\0') != std::string::npos) {
        throw WordListError("the " + name + " is binary, not one word per line");
    }
    WordList list = of(text);
    if (list.size() == 0) {
        throw WordListError(no_word);
    }
    return list;
}

bool WordList::has(std::string_view form) const {
    const auto form_at = [this](std::size_t i) {
        const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
        return std::string_view(m_forms).substr(begin, m_ends[i] - begin);
    };
    std::size_t low = 0;
    std::size_t high = m_ends.size();
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (form_at(mid) < form) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low < m_ends.size() && form_at(low) == form;
}

} // namespace depeches::vocab
