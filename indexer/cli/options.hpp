// Command-line options of depeches-indexer.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace depeches::cli {

/// A command line that cannot be run as given (exit code 2); the message says why.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// When to draw the progress bar on standard error.
enum class Progress { automatic, always, never };

/// Everything the command line says.
struct Options {
    std::filesystem::path db;         ///< --db DIR
    std::vector<std::string> sources; ///< directories, files, or "-" for standard input
    bool full = false;                ///< --full: rebuild from these sources only
    bool json = false;                ///< --json: summary as JSON on standard output
    bool wait = false;                ///< --wait: wait for another indexer instead of failing
    bool watch = false;               ///< --watch: keep indexing what lands in the sources
    Progress progress = Progress::automatic; ///< --progress / --no-progress
    bool help = false;                       ///< --help
    bool version = false;                    ///< --version
};

/// Parses the arguments after the program name. Throws UsageError.
Options parse_options(const std::vector<std::string>& args);

/// The --help text.
std::string usage_text();

} // namespace depeches::cli
