// depeches-indexer: indexes French news dispatches into a Xapian index (see --help).
#include <iostream>
#include <string>
#include <vector>

#include "indexer/cli/indexing_run.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> args(argv + 1, argv + argc);
    return depeches::cli::run_indexer(args, std::cout, std::cerr);
}
