// Reading a MyThes thesaurus (format in thesaurus.hpp).
#include "indexer/associations/thesaurus.hpp"

#include <charconv>
#include <istream>
#include <string_view>

#include "indexer/analysis/utf8.hpp"

namespace depeches::associations {
namespace {

/// Fields of `line` separated by '|'.
std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (true) {
        const std::size_t bar = line.find('|', at);
        fields.push_back(line.substr(at, bar == std::string_view::npos ? bar : bar - at));
        if (bar == std::string_view::npos) {
            return fields;
        }
        at = bar + 1;
    }
}

/// `synonym` without its remark in parentheses and the spaces around it.
std::string_view without_remark(std::string_view synonym) {
    if (const std::size_t paren = synonym.find('('); paren != std::string_view::npos) {
        synonym = synonym.substr(0, paren);
    }
    while (!synonym.empty() && synonym.back() == ' ') {
        synonym.remove_suffix(1);
    }
    while (!synonym.empty() && synonym.front() == ' ') {
        synonym.remove_prefix(1);
    }
    return synonym;
}

} // namespace

std::vector<ThesaurusEntry> read_thesaurus(std::istream& in) {
    std::string line;
    std::size_t number = 0;
    const auto fail = [&number](const std::string& what) {
        throw ThesaurusError("line " + std::to_string(number) + ": " + what);
    };
    const auto next_line = [&]() -> bool {
        if (!std::getline(in, line)) {
            return false;
        }
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!analysis::is_valid_utf8(line)) {
            fail("not UTF-8");
        }
        return true;
    };
    if (!next_line()) {
        throw ThesaurusError("empty file: not a thesaurus");
    }
    if (line != "UTF-8" && line != "UTF8" && line != "utf-8") {
        fail("the first line names the encoding, which must be UTF-8 (found \"" +
             line.substr(0, 40) + "\")");
    }
    std::vector<ThesaurusEntry> entries;
    while (next_line()) {
        if (line.empty()) {
            continue;
        }
        const std::vector<std::string_view> head = fields_of(line);
        unsigned meanings = 0;
        const std::string_view count = head.back();
        const auto [end, error] =
            std::from_chars(count.data(), count.data() + count.size(), meanings);
        if (head.size() != 2 || head[0].empty() || error != std::errc() ||
            end != count.data() + count.size() || meanings == 0) {
            fail("an entry is \"WORD|NUMBER OF MEANINGS\"");
        }
        ThesaurusEntry entry{std::string(head[0]), {}};
        for (unsigned m = 0; m < meanings; ++m) {
            if (!next_line()) {
                fail("the file ends before the " + std::to_string(meanings) + " meanings of \"" +
                     entry.word + "\"");
            }
            const std::vector<std::string_view> meaning = fields_of(line);
            if (meaning.size() < 2 || !meaning[0].starts_with('(')) {
                fail("a meaning is \"(PART OF SPEECH)|SYNONYM|...\"");
            }
            for (std::size_t i = 1; i < meaning.size(); ++i) {
                const std::string_view synonym = without_remark(meaning[i]);
                if (!synonym.empty()) {
                    entry.synonyms.emplace_back(synonym);
                }
            }
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace depeches::associations
