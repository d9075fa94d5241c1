// depeches-learn: learns word associations for depeches-searchd (see --help).
#include <iostream>
#include <string>
#include <vector>

#include "indexer/cli/learning_run.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> args(argv + 1, argv + argc);
    return depeches::cli::run_learner(args, std::cout, std::cerr);
}
