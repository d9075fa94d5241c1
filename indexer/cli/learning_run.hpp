// depeches-learn: learns word associations from dispatches with headlines or abstracts and
// writes the table depeches-searchd reads with --associations (see associations/learner.hpp).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace depeches::cli {

/// The whole program: parses `args` (without the program name), reads the sources, learns,
/// writes the table. Returns the exit status; never throws.
int run_learner(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace depeches::cli
