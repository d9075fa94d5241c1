// Snowball French stemming through Xapian::Stem, cached.
#include "indexer/analysis/stemmer.hpp"

#include <algorithm>

namespace depeches::analysis {

Stemmer::Stemmer() : m_stem("french") {}

const std::string& Stemmer::stem(std::string_view form) {
    if (std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        m_scratch.assign(form);
        return m_scratch;
    }
    m_scratch.assign(form);
    auto it = m_cache.find(m_scratch);
    if (it != m_cache.end()) {
        return it->second;
    }
    if (m_cache.size() >= k_max_cache_entries) {
        m_cache.clear();
    }
    return m_cache.emplace(m_scratch, m_stem(m_scratch)).first->second;
}

} // namespace depeches::analysis
