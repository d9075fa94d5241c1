// A real index of dispatches a test writes: a temporary folder with a corpus/ subfolder, the
// index built there by the indexer's library, and a SearchService over it. Made once per test
// suite (SetUpTestSuite), removed with it.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/cli/indexing_run.hpp"
#include "searchd/service/search_service.hpp"

namespace depeches::test {

class WrittenIndex {
public:
    /// A new folder /tmp/depeches-<name>-XXXXXX with an empty corpus/.
    explicit WrittenIndex(const std::string& name) {
        std::string pattern = "/tmp/depeches-" + name + "-XXXXXX";
        m_dir = ::mkdtemp(pattern.data());
        std::filesystem::create_directories(corpus());
    }

    ~WrittenIndex() {
        m_service.reset();
        std::filesystem::remove_all(m_dir);
    }

    WrittenIndex(const WrittenIndex&) = delete;
    WrittenIndex& operator=(const WrittenIndex&) = delete;

    [[nodiscard]] std::filesystem::path corpus() const { return m_dir / "corpus"; }
    /// Where index() builds the index.
    [[nodiscard]] std::filesystem::path db() const { return m_dir / "index"; }

    /// Writes a dispatch file into corpus/.
    void write(const std::string& file, const std::string& text) const {
        std::ofstream(corpus() / file) << text;
    }

    /// Indexes `sources` (corpus/ when empty) and opens the service over the index.
    cli::RunReport index(std::vector<std::string> sources = {}) {
        cli::Options options;
        options.db = db();
        options.sources = sources.empty() ? std::vector<std::string>{corpus().string()} : sources;
        std::ostringstream sink;
        cli::ProgressBar progress(sink, false);
        cli::RunReport report = cli::run_indexing(options, progress);
        m_service = std::make_unique<search::SearchService>(options.db);
        return report;
    }

    [[nodiscard]] search::SearchService& service() const { return *m_service; }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<search::SearchService> m_service;
};

/// The ids of `result`'s hits, in its order.
inline std::vector<std::string> ids_of(const search::SearchResult& result) {
    std::vector<std::string> ids;
    for (const search::Hit& hit : result.hits) {
        ids.push_back(hit.id);
    }
    return ids;
}

} // namespace depeches::test
