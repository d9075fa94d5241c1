// Indexing runs: read sources on one thread, file them on the calling thread, remove what
// disappeared, commit. Also the whole depeches-indexer program, watch mode included.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/cli/options.hpp"
#include "indexer/cli/report.hpp"
#include "indexer/cli/sources.hpp"
#include "indexer/index/index_store.hpp"

namespace depeches::cli {

/// Exit statuses of depeches-indexer (see --help).
enum ExitStatus : int {
    k_exit_ok = 0,
    k_exit_failure = 1,
    k_exit_usage = 2,
    k_exit_rejected = 3,
};

/// How one run writes.
struct RunSettings {
    bool full = false; ///< rebuild from these sources only
    bool wait = false; ///< wait for another writer's lock
    /// A lock already held on the index (watch mode); null: the run takes its own.
    std::shared_ptr<index::WriterLock> lock;
};

/// Indexes `sources` into `db`, then removes the dispatches of `removed` origins (files or
/// directories that disappeared) and of sources that no longer hold them; commits. Throws
/// index::IndexError or Xapian::Error on failure (the index is then as it was before the run).
RunReport run_once(const std::filesystem::path& db, const std::vector<Source>& sources,
                   const std::vector<std::string>& removed, const RunSettings& settings,
                   ProgressBar& progress);

/// Resolves the options' sources (throws UsageError) and runs once.
RunReport run_indexing(const Options& options, ProgressBar& progress);

/// The whole program: parses `args` (without the program name), runs, reports.
/// Returns the exit status; never throws.
int run_indexer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace depeches::cli
