// Snowball French stemming of folded forms, with a bounded cache (news text repeats its words).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace depeches::analysis {

/// Stems folded French forms. Not thread-safe: one per thread (it owns a cache).
class Stemmer {
public:
    Stemmer();

    /// The stem of `form` ("evacuations" → "evacu"). Forms with digits are returned unchanged.
    /// The reference stays valid until the next call.
    const std::string& stem(std::string_view form);

private:
    static constexpr std::size_t k_max_cache_entries = 200000;

    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_cache;
    std::string m_scratch;
};

} // namespace depeches::analysis
