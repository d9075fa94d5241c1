// What an indexing run reports: the summary (human or JSON) and the progress bar.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/ingest/dispatch.hpp"

namespace depeches::cli {

/// Counts and diagnostics of one run.
struct RunReport {
    std::string mode; ///< "incremental" or "rebuild"
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t deleted = 0;
    std::size_t unchanged = 0;
    std::vector<ingest::Diagnostic> rejected; ///< inputs that were not indexed
    std::vector<ingest::Diagnostic> warnings; ///< inputs indexed with a change or a doubt
    std::size_t documents = 0;                ///< dispatches in the index after the run
    double seconds = 0;                       ///< wall time of the whole run

    /// Dispatches read and accepted (added, updated or unchanged).
    [[nodiscard]] std::size_t processed() const { return added + updated + unchanged; }
};

/// Writes the human summary and every diagnostic to `err`.
void print_summary(std::ostream& err, const RunReport& report, const std::string& db);

/// Writes the JSON summary (one object, one line) to `out`.
void print_json_summary(std::ostream& out, const RunReport& report);

/// A one-line progress bar redrawn on a terminal, at most every 200 ms.
class ProgressBar {
public:
    ProgressBar(std::ostream& err, bool enabled) : m_err(err), m_enabled(enabled) {}

    /// Redraws with `dispatches` done and `bytes_done` of `bytes_total` read (total 0: unknown).
    void update(std::size_t dispatches, std::uint64_t bytes_done, std::uint64_t bytes_total);
    /// Erases the bar.
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    std::ostream& m_err;
    bool m_enabled;
    bool m_drawn = false;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last_draw{};
};

} // namespace depeches::cli
