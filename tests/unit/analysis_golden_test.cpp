// Golden files of the analysis of each corpus dispatch: every token's term, position, kind and
// original text. A change in them is a change of analysis: review the diff, and bump
// k_analysis_version. Regenerate with scripts/update_golden.sh.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "indexer/analysis/analyzer.hpp"

namespace depeches::analysis {
namespace {

namespace fs = std::filesystem;

const char* const k_kind_names[] = {"word", "number", "acronym", "part", "whole"};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// One line per token: "position<TAB>kind<TAB>term<TAB>original text".
std::string describe_tokens(const std::string& text) {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.tokenize(text, tokens);
    std::ostringstream out;
    for (const Token& token : tokens) {
        out << token.position << '\t' << k_kind_names[static_cast<int>(token.kind)] << '\t'
            << analyzer.term(token) << '\t' << text.substr(token.begin, token.end - token.begin)
            << '\n';
    }
    return out.str();
}

TEST(AnalysisGolden, CorpusDispatchesAnalyseAsRecorded) {
    const fs::path corpus = fs::path(DEPECHES_SOURCE_DIR) / "corpus";
    const fs::path golden = fs::path(DEPECHES_SOURCE_DIR) / "tests/golden/analysis";
    const bool update = std::getenv("DEPECHES_UPDATE_GOLDEN") != nullptr;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (entry.path().extension() != ".txt") {
            continue;
        }
        ++files;
        SCOPED_TRACE(entry.path().filename().string());
        const std::string actual = describe_tokens(read_file(entry.path()));
        const fs::path expected_path = golden / (entry.path().stem().string() + ".tokens");
        if (update) {
            std::ofstream(expected_path, std::ios::binary) << actual;
            continue;
        }
        ASSERT_TRUE(fs::exists(expected_path)) << "run scripts/update_golden.sh";
        EXPECT_EQ(actual, read_file(expected_path))
            << "the analysis changed: review with scripts/update_golden.sh and git diff";
    }
    EXPECT_EQ(files, 4U);
}

} // namespace
} // namespace depeches::analysis
