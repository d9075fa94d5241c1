// depeches-indexer: indexes French news dispatches into a Xapian index (see --help).
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "indexer/cli/indexing_run.hpp"

namespace {

/// Documents a Xapian writer buffers before writing them out (in a rebuild shard, and inside
/// an incremental run's transaction, still uncommitted). Xapian's default, 10,000, grows large
/// in-memory maps of postings whose upkeep dominated indexing; measured on the 35,987 OrangeSum
/// bodies (this machine, 2 shards), a rebuild every 10,000 / 3,000 / 1,000 / 300 documents took
/// 65.8 / 52.0 / 48.5 / 49.4 s and 1,100 / 462 / 228 / 133 MB; adding 9,987 of them to an index
/// of the others, 24.6 s and 590 MB at 10,000, 17.6 s and 134 MB at 1,000. Set through Xapian's
/// own variable, which a caller may still set otherwise.
constexpr const char* k_flush_threshold = "1000";

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    ::setenv("XAPIAN_FLUSH_THRESHOLD", k_flush_threshold, 0);
    const std::vector<std::string> args(argv + 1, argv + argc);
    return depeches::cli::run_indexer(args, std::cout, std::cerr);
}
