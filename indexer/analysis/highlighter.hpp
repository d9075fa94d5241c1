// Highlighting from the analyzer's byte offsets: the best passage of the original text, or the
// whole text, HTML-escaped, with the words that match the query in <mark>.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/analysis/analyzer.hpp"

namespace depeches::analysis {

/// The terms one query word may stand for (several when typed without accents that matter).
using TermChoice = std::vector<std::string>;

/// What to mark: terms as the analyzer makes them (stems), not as the user typed them.
struct HighlightTerms {
    /// Terms marked wherever they occur, with their weight (e.g. inverse document frequency)
    /// used to choose the passage that matches the most informative words.
    std::unordered_map<std::string, double> terms;
    /// Term sequences marked only where they occur in order at consecutive positions (quoted
    /// phrases, compounds); their words, stop words included, are not marked elsewhere.
    std::vector<std::vector<TermChoice>> phrases;
    /// Term beginnings (from "évac*"): tokens whose term starts with one are marked.
    std::vector<std::string> prefixes;

    [[nodiscard]] bool empty() const {
        return terms.empty() && phrases.empty() && prefixes.empty();
    }
};

/// A highlighted piece of text.
struct Highlighted {
    std::string html;     ///< HTML-escaped original text; the only markup is <mark>…</mark>
    bool matched = false; ///< at least one word was marked
};

/// Marks query words in original text. Not thread-safe (it uses an Analyzer): one per thread.
class Highlighter {
public:
    /// Default snippet length, in code points, not counting the "…" added at cuts.
    static constexpr std::size_t k_default_snippet_chars = 220;

    explicit Highlighter(Analyzer& analyzer) : m_analyzer(analyzer) {}

    /// The passage of about `max_chars` code points that best matches `query`, cut at word
    /// boundaries (at a sentence start when one is near), with "…" where text was cut. Line
    /// breaks become spaces. Without a match, the start of the text.
    Highlighted snippet(std::string_view text, const HighlightTerms& query,
                        std::size_t max_chars = k_default_snippet_chars);

    /// The whole text, escaped and marked; line breaks are kept.
    Highlighted highlight(std::string_view text, const HighlightTerms& query);

private:
    /// A byte range of the text to mark, and what it is worth to passage selection.
    struct Mark {
        std::uint32_t begin;
        std::uint32_t end;
        double weight;
        std::size_t term_id; ///< identifies the matched term or phrase (for distinct counts)
    };

    /// Finds the marks for `query` in `text`, sorted and without overlaps.
    std::vector<Mark> find_marks(std::string_view text, const HighlightTerms& query);

    Analyzer& m_analyzer;
    std::vector<Token> m_tokens; ///< scratch, reused between calls
};

/// Appends `text` HTML-escaped (& < > " ') to `out`.
void append_html_escaped(std::string& out, std::string_view text);

} // namespace depeches::analysis
