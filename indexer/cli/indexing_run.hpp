// One run of depeches-indexer: read the sources, analyse, write, remove what disappeared,
// commit, report. Reading and analysis run on their own thread, writing on the caller's.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "indexer/cli/options.hpp"
#include "indexer/cli/report.hpp"

namespace depeches::cli {

/// Exit statuses of depeches-indexer (see --help).
enum ExitStatus : int {
    k_exit_ok = 0,
    k_exit_failure = 1,
    k_exit_usage = 2,
    k_exit_rejected = 3,
};

/// Runs the indexing these options describe. Throws index::IndexError or Xapian::Error on
/// failure (the index is then as it was before the run) and UsageError for bad sources.
RunReport run_indexing(const Options& options, ProgressBar& progress);

/// The whole program: parses `args` (without the program name), runs, reports.
/// Returns the exit status; never throws.
int run_indexer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace depeches::cli
