// Watch mode for a drop folder: index the sources once, then follow their directories with
// inotify and index what lands in them, batched, until SIGTERM or SIGINT.
#pragma once

#include <ostream>

#include "indexer/cli/options.hpp"

namespace depeches::cli {

/// Runs depeches-indexer --watch; returns the exit status (0 after a clean stop on a signal;
/// 1 when the first run or a watch could not start). A batch that fails is reported and the
/// watch goes on: its files are retried with the next batch.
int run_watch(const Options& options, std::ostream& out, std::ostream& err);

} // namespace depeches::cli
