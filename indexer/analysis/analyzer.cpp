// The French analyzer: tokenizer + stemmer behind one interface.
#include "indexer/analysis/analyzer.hpp"

namespace depeches::analysis {

std::uint32_t Analyzer::tokenize(std::string_view text, std::vector<Token>& out,
                                 std::uint32_t first_position) const {
    return analysis::tokenize(text, out, first_position);
}

bool Analyzer::accents_matter(const Token& token) {
    if (token.lower == token.form) {
        return false;
    }
    const std::string accented = term(token);
    return accented != unaccented_term(token.form);
}

std::vector<std::string> Analyzer::describe(std::string_view text) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<std::string> out;
    out.reserve(tokens.size());
    for (const Token& token : tokens) {
        out.push_back(term(token) + "[" + std::to_string(token.position) + "]");
    }
    return out;
}

} // namespace depeches::analysis
