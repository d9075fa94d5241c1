// Snowball French stemming through Xapian::Stem, on accented words, then folded; cached.
#include "indexer/analysis/stemmer.hpp"

#include <algorithm>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/french.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

bool has_digit(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii(std::string_view word) {
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
}

} // namespace

std::string fold_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const DecodedChar decoded = decode_utf8(text, pos);
        const CharInfo info = char_info(decoded.code_point);
        if (info.cls == CharClass::apostrophe) {
            out += '\'';
        } else if (!info.fold.empty()) {
            out.append(info.fold);
        } else if (decoded.code_point < 0x80) {
            out += static_cast<char>(decoded.code_point);
        }
        pos += decoded.length;
    }
    return out;
}

Stemmer::Stemmer() : m_stem("french") {}

template <typename Make>
const std::string& Stemmer::cached(std::unordered_map<std::string, std::string>& cache,
                                   std::string_view word, Make&& make) {
    m_scratch.assign(word);
    const auto it = cache.find(m_scratch);
    if (it != cache.end()) {
        return it->second;
    }
    if (cache.size() >= k_max_cache_entries) {
        cache.clear();
    }
    return cache.emplace(m_scratch, make(m_scratch)).first->second;
}

const std::string& Stemmer::term(std::string_view lower) {
    return cached(m_terms, lower, [this](const std::string& word) {
        if (const auto term = stem_override(word)) {
            return std::string(*term);
        }
        if (has_digit(word)) {
            if (auto ordinal = ordinal_term(word)) {
                return std::move(*ordinal);
            }
            return is_ascii(word) ? word : fold_text(word);
        }
        const std::string stem = m_stem(word);
        return is_ascii(stem) ? stem : fold_text(stem);
    });
}

const std::string& Stemmer::unaccented_term(std::string_view form) {
    return cached(m_unaccented, form, [this](const std::string& word) {
        if (const auto term = stem_override(word)) {
            return std::string(*term);
        }
        if (!has_digit(word)) {
            return m_stem(word);
        }
        return ordinal_term(word).value_or(word);
    });
}

} // namespace depeches::analysis
