// Summaries and progress of an indexing run.
#include "indexer/cli/report.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace depeches::cli {

namespace {

std::string where(const ingest::Diagnostic& d) {
    return d.line > 0 ? d.file + ":" + std::to_string(d.line) : d.file;
}

nlohmann::json diagnostics_json(const std::vector<ingest::Diagnostic>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : list) {
        out.push_back({{"file", d.file}, {"line", d.line}, {"reason", d.reason}});
    }
    return out;
}

std::string format_duration(double seconds) {
    const auto total = static_cast<long>(seconds + 0.5);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
    return buffer;
}

} // namespace

void print_summary(std::ostream& err, const RunReport& report, const std::string& db) {
    for (const auto& d : report.warnings) {
        err << where(d) << ": warning: " << d.reason << "\n";
    }
    for (const auto& d : report.rejected) {
        err << where(d) << ": rejected: " << d.reason << "\n";
    }
    const double rate =
        report.seconds > 0 ? static_cast<double>(report.processed()) / report.seconds : 0;
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f s, %.0f dispatches/s", report.seconds, rate);
    err << "depeches-indexer: " << db << " (" << report.mode << "): " << report.added << " added, "
        << report.updated << " updated, " << report.deleted << " deleted, " << report.unchanged
        << " unchanged, " << report.rejected.size() << " rejected; " << report.documents
        << " dispatches in the index; " << timing << "\n";
}

void print_json_summary(std::ostream& out, const RunReport& report) {
    const double rate =
        report.seconds > 0 ? static_cast<double>(report.processed()) / report.seconds : 0;
    const nlohmann::json summary = {
        {"mode", report.mode},
        {"added", report.added},
        {"updated", report.updated},
        {"deleted", report.deleted},
        {"unchanged", report.unchanged},
        {"rejected", diagnostics_json(report.rejected)},
        {"warnings", diagnostics_json(report.warnings)},
        {"documents", report.documents},
        {"seconds", report.seconds},
        {"dispatches_per_second", rate},
    };
    out << summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void ProgressBar::update(std::size_t dispatches, std::uint64_t bytes_done,
                         std::uint64_t bytes_total) {
    if (!m_enabled) {
        return;
    }
    const auto now = Clock::now();
    if (m_drawn && now - m_last_draw < std::chrono::milliseconds(200)) {
        return;
    }
    m_last_draw = now;
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double rate = elapsed > 0 ? static_cast<double>(dispatches) / elapsed : 0;
    std::string line = "\r";
    if (bytes_total > 0) {
        const double fraction =
            std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(bytes_total));
        constexpr int k_width = 24;
        const int filled = static_cast<int>(fraction * k_width);
        line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
                std::string(static_cast<std::size_t>(k_width - filled), '.') + "] ";
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3.0f%% ", fraction * 100);
        line += pct;
        if (fraction > 0.01) {
            line += " time left " + format_duration(elapsed / fraction - elapsed) + "  ";
        }
    }
    char counts[64];
    std::snprintf(counts, sizeof counts, "%zu dispatches, %.0f/s   ", dispatches, rate);
    line += counts;
    m_err << line << std::flush;
    m_drawn = true;
}

void ProgressBar::finish() {
    if (m_enabled && m_drawn) {
        m_err << "\r\033[K" << std::flush;
    }
    m_drawn = false;
}

} // namespace depeches::cli
