// Parsing of depeches-indexer's command line.
#include "indexer/cli/options.hpp"

#include <algorithm>

namespace depeches::cli {

std::string usage_text() {
    return R"(usage: depeches-indexer --db DIR [--full] [--json] [--wait] [--watch] SOURCE...

Indexes French news dispatches into the Xapian index DIR (created if needed).
SOURCE is a directory (walked recursively), a file, or - (JSON Lines on standard input).
Formats by extension: .txt (one dispatch per file), .jsonl / .ndjson (one JSON object per line),
.xml (NewsML-G2 or NITF; one file may hold several dispatches).

Incremental by default: new and changed dispatches are (re)indexed, dispatches whose source
file disappeared are removed, unchanged ones are skipped. Readers keep searching meanwhile.

  --db DIR        index directory
  --full          rebuild the index from these sources only, switched in when complete
  --json          print a summary as JSON on standard output
  --wait          wait for another indexer working on DIR instead of stopping
  --watch         after indexing, keep watching the SOURCE folders and index what lands in
                  them (batched, one commit per batch) until SIGTERM or SIGINT
  --progress      always draw the progress bar (default: only on a terminal)
  --no-progress   never draw the progress bar
  --version       print the version and exit
  --help          print this help and exit

Exit status: 0 all done; 3 done, but some inputs were rejected (listed on standard error);
2 usage error; 1 failure (the index is left as it was before the run).
)";
}

Options parse_options(const std::vector<std::string>& args) {
    Options options;
    bool only_sources = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_sources || arg == "-" || arg.empty() || arg[0] != '-') {
            options.sources.push_back(arg);
        } else if (arg == "--") {
            only_sources = true;
        } else if (arg == "--db" || arg.rfind("--db=", 0) == 0) {
            std::string value;
            if (arg == "--db") {
                if (i + 1 >= args.size()) {
                    throw UsageError("--db needs a directory");
                }
                value = args[++i];
            } else {
                value = arg.substr(5);
            }
            if (value.empty()) {
                throw UsageError("--db needs a directory");
            }
            options.db = value;
        } else if (arg == "--full") {
            options.full = true;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--wait") {
            options.wait = true;
        } else if (arg == "--watch") {
            options.watch = true;
        } else if (arg == "--progress") {
            options.progress = Progress::always;
        } else if (arg == "--no-progress") {
            options.progress = Progress::never;
        } else if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--version") {
            options.version = true;
        } else {
            throw UsageError("unknown option " + arg);
        }
    }
    if (options.help || options.version) {
        return options;
    }
    if (options.db.empty()) {
        throw UsageError("--db DIR is required");
    }
    if (options.sources.empty()) {
        throw UsageError("at least one SOURCE is required (a directory, a file, or -)");
    }
    if (options.watch && options.full) {
        throw UsageError("--watch and --full cannot be combined");
    }
    if (options.watch &&
        std::find(options.sources.begin(), options.sources.end(), "-") != options.sources.end()) {
        throw UsageError("--watch cannot watch standard input (-)");
    }
    return options;
}

} // namespace depeches::cli
