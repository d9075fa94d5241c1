// Word associations: reading and writing the table (format in table.hpp).
#include "indexer/associations/table.hpp"

#include <algorithm>
#include <charconv>
#include <istream>
#include <ostream>

namespace depeches::associations {
namespace {

constexpr std::string_view k_magic = "depeches-associations 1";

/// The next space-separated field of `line` from `at`, moving `at` past it.
std::string_view next_field(std::string_view line, std::size_t& at) {
    if (at >= line.size()) {
        at = line.size() + 1;
        return {};
    }
    const std::size_t end = std::min(line.find(' ', at), line.size());
    const std::string_view field = line.substr(at, end - at);
    at = end + 1;
    return field;
}

template <typename Number> bool parse_number(std::string_view text, Number& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

Table Table::read(std::istream& in) {
    Table table;
    std::string line;
    std::size_t number = 0;
    const auto fail = [&number](std::string_view what) {
        throw TableError("line " + std::to_string(number) + ": " + std::string(what));
    };
    if (!std::getline(in, line) || line != k_magic) {
        throw TableError("not an associations table (its first line is not \"" +
                         std::string(k_magic) + "\")");
    }
    number = 1;
    bool pairs_read = false;
    while (std::getline(in, line)) {
        ++number;
        std::size_t at = 0;
        const std::string_view kind = next_field(line, at);
        const std::string_view term = next_field(line, at);
        if (kind == "pairs") {
            if (!parse_number(term, table.m_pairs) || table.m_pairs == 0) {
                fail("bad number of pairs");
            }
            pairs_read = true;
        } else if (kind == "s") {
            std::uint32_t count = 0;
            if (term.empty() || !parse_number(next_field(line, at), count) || at <= line.size()) {
                fail("a summary word is \"s TERM COUNT\"");
            }
            table.add_summary_word(std::string(term), count);
        } else if (kind == "b") {
            std::vector<Translation> translations;
            while (at <= line.size()) {
                Translation t;
                if (!parse_number(next_field(line, at), t.word) ||
                    t.word >= table.m_summary_terms.size() ||
                    !parse_number(next_field(line, at), t.probability) || !(t.probability > 0) ||
                    t.probability > 1) {
                    fail("a translation is a known summary word's index and a probability");
                }
                translations.push_back(t);
            }
            if (term.empty() || translations.empty()) {
                fail("a body word is \"b TERM INDEX PROBABILITY...\"");
            }
            if (table.body_word(term) >= 0) {
                fail("body word \"" + std::string(term) + "\" given twice");
            }
            table.add_body_word(std::string(term), translations);
        } else {
            fail("unknown record \"" + std::string(kind) + "\"");
        }
    }
    if (!pairs_read) {
        throw TableError("no \"pairs\" line");
    }
    return table;
}

void Table::write(std::ostream& out) const {
    out << k_magic << '\n' << "pairs " << m_pairs << '\n';
    for (std::size_t i = 0; i < m_summary_terms.size(); ++i) {
        out << "s " << m_summary_terms[i] << ' ' << m_summary_counts[i] << '\n';
    }
    // Back from the columns to one row per body word, in term order, likeliest first, so that
    // a table always writes the same file.
    std::vector<std::vector<Translation>> rows(m_body_terms.size());
    for (std::uint32_t w = 0; w < m_columns.size(); ++w) {
        for (const Translation& t : m_columns[w]) {
            rows[t.word].push_back({w, t.probability});
        }
    }
    std::vector<std::uint32_t> order(m_body_terms.size());
    for (std::uint32_t u = 0; u < order.size(); ++u) {
        order[u] = u;
    }
    std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
        return m_body_terms[a] < m_body_terms[b];
    });
    char number[32];
    for (const std::uint32_t u : order) {
        std::sort(rows[u].begin(), rows[u].end(), [](const Translation& a, const Translation& b) {
            return a.probability > b.probability ||
                   (a.probability == b.probability && a.word < b.word);
        });
        out << "b " << m_body_terms[u];
        for (const Translation& t : rows[u]) {
            const auto end = std::to_chars(number, number + sizeof number, t.probability).ptr;
            out << ' ' << t.word << ' ' << std::string_view(number, end - number);
        }
        out << '\n';
    }
}

std::uint32_t Table::add_summary_word(std::string term, std::uint32_t summaries) {
    const auto [it, added] =
        m_summary_index.try_emplace(term, static_cast<std::uint32_t>(m_summary_terms.size()));
    if (added) {
        m_summary_terms.push_back(std::move(term));
        m_summary_counts.push_back(summaries);
        m_columns.emplace_back();
    } else {
        m_summary_counts[it->second] = summaries;
    }
    return it->second;
}

void Table::add_body_word(std::string body_term, const std::vector<Translation>& translations) {
    const auto [it, added] =
        m_body_index.try_emplace(body_term, static_cast<std::uint32_t>(m_body_terms.size()));
    if (!added) {
        return;
    }
    m_body_hashes.push_back(hash_term(body_term));
    m_body_terms.push_back(std::move(body_term));
    for (const Translation& t : translations) {
        m_columns.at(t.word).push_back({it->second, t.probability});
    }
}

std::int64_t Table::summary_word(std::string_view term) const {
    const auto it = m_summary_index.find(term);
    return it == m_summary_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}

double Table::summary_share(std::uint32_t index) const {
    return m_pairs == 0 ? 0.0 : static_cast<double>(m_summary_counts.at(index)) / m_pairs;
}

std::int64_t Table::body_word(std::string_view term) const {
    const auto it = m_body_index.find(term);
    return it == m_body_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}

} // namespace depeches::associations
