// Word associations: how likely a headline or abstract is to use a word given the words of the
// dispatch's body, learned from dispatches that have both (see learner.hpp), read by searchd
// to score a dispatch that words the query otherwise ("mort" and a body saying "décédé").
//
// File format (UTF-8 text, one record per line, fields separated by one space; terms are the
// analyzer's terms, which never contain spaces):
//   depeches-associations 1            first line: format and version
//   pairs N                            number of (summary, body) pairs learned from
//   s TERM DF                          a summary word and the number of summaries having it;
//                                      the i-th "s" line is summary word i (from 0)
//   b TERM I1 P1 I2 P2 ...             a body word and the summary words it translates to:
//                                      summary word I with probability P = t(word I | TERM)
// Every "s" line comes before the first "b" line.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace depeches::associations {

/// A file that is not an associations table (see the format above).
class TableError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One translation between a body word and a summary word: t(summary word | body word).
struct Translation {
    std::uint32_t word = 0; ///< the other word's index (a summary word's, or a body word's)
    float probability = 0;
};

/// The associations, immutable once built; safe to share between threads.
class Table {
public:
    Table() = default;

    /// Reads a table written by write(). Throws TableError, naming the line, on anything else.
    static Table read(std::istream& in);
    /// Writes the table in the format above.
    void write(std::ostream& out) const;

    /// Adds a summary word found in `summaries` of the pairs; returns its index.
    std::uint32_t add_summary_word(std::string term, std::uint32_t summaries);
    /// Adds what body word `body_term` translates to: summary words (by index) and their
    /// probabilities. A body word is added once.
    void add_body_word(std::string body_term, const std::vector<Translation>& translations);
    void set_pairs(std::uint32_t pairs) { m_pairs = pairs; }

    /// The index of summary word `term`, or -1 when the table does not have it.
    std::int64_t summary_word(std::string_view term) const;
    /// The index of body word `term`, or -1 when the table does not have it.
    std::int64_t body_word(std::string_view term) const;
    /// Body word `index`'s term, and its hash_term().
    const std::string& body_term(std::uint32_t index) const { return m_body_terms.at(index); }
    std::uint64_t body_hash(std::uint32_t index) const { return m_body_hashes.at(index); }
    /// The hash of a term, the same for every table (for filters built over its words).
    static std::uint64_t hash_term(std::string_view term) noexcept {
        return std::hash<std::string_view>{}(term);
    }
    /// The share of summaries that have summary word `index` (its background probability).
    double summary_share(std::uint32_t index) const;
    /// The body words summary word `index` is a translation of, each with t(it | body word).
    const std::vector<Translation>& translations_into(std::uint32_t index) const {
        return m_columns.at(index);
    }

    std::size_t summary_word_count() const { return m_summary_terms.size(); }
    std::size_t body_word_count() const { return m_body_terms.size(); }
    std::uint32_t pairs() const { return m_pairs; }
    bool empty() const { return m_body_terms.empty(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    using Index = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;

    std::uint32_t m_pairs = 0;
    std::vector<std::string> m_summary_terms;
    std::vector<std::uint32_t> m_summary_counts;
    Index m_summary_index;
    std::vector<std::string> m_body_terms;
    std::vector<std::uint64_t> m_body_hashes;
    Index m_body_index;
    /// Summary word -> the body words it is a translation of (searching needs this side: a
    /// query's few words, each with the body words that say it).
    std::vector<std::vector<Translation>> m_columns;
};

} // namespace depeches::associations
