// Parsing of depeches-searchd's command line.
#include "searchd/options.hpp"

#include <charconv>

namespace depeches::searchd {

namespace {

int parse_number(const std::string& text, int low, int high, const std::string& what) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < low ||
        value > high) {
        throw UsageError(what + " must be a number from " + std::to_string(low) + " to " +
                         std::to_string(high) + ", not '" + text + "'");
    }
    return value;
}

/// "HOST:PORT", "[IPV6]:PORT" or ":PORT".
void parse_listen(const std::string& value, Options& options) {
    std::string host;
    std::string port;
    if (!value.empty() && value.front() == '[') {
        const auto close = value.find("]:");
        if (close == std::string::npos) {
            throw UsageError("--listen takes HOST:PORT or [IPV6]:PORT, not '" + value + "'");
        }
        host = value.substr(1, close - 1);
        port = value.substr(close + 2);
    } else {
        const auto colon = value.rfind(':');
        if (colon == std::string::npos) {
            throw UsageError("--listen takes HOST:PORT, not '" + value + "'");
        }
        host = value.substr(0, colon);
        port = value.substr(colon + 1);
    }
    options.host = host.empty() ? "127.0.0.1" : host;
    options.port = parse_number(port, 0, 65535, "the port");
}

} // namespace

std::string usage_text() {
    return R"(usage: depeches-searchd --db DIR [--listen HOST:PORT] [--web DIR] [--threads N]
                        [--words FILE] [--dictionary PREFIX] [--no-words]
                        [--associations FILE]

Serves ranked search over the Dépêches index DIR as JSON (HTTP API v1), and the web page.
It follows the indexer's updates without restarting.

  --db DIR            index directory built by depeches-indexer
  --listen HOST:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --web DIR           serve the static page from DIR at /
  --threads N         worker threads (default 16)
  --words FILE        the language's words, one per line: a word of the language that no
                      dispatch has is not taken for a typo (default /usr/share/dict/french,
                      Debian's wfrench, when it is there)
  --dictionary PREFIX a Hunspell dictionary, PREFIX.aff and PREFIX.dic: its words, every
                      inflection and many names, are not taken for typos either (default
                      /usr/share/hunspell/fr_FR, Debian's hunspell-fr, when it is there)
  --no-words          neither: any word no dispatch has may be taken for a typo
  --associations FILE word associations learned by depeches-learn from dispatches with
                      headlines: a dispatch that says the query's words in other words
                      ranks higher (default: none); read again whenever the file changes
  --version           print the version and exit
  --help              print this help and exit

The first line on standard output is "listening on http://HOST:PORT".
SIGTERM or SIGINT stop it cleanly (exit 0).
)";
}

Options parse_options(const std::vector<std::string>& args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](const char* name) -> std::string {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                throw UsageError(std::string(name) + " needs a value");
            }
            return args[++i];
        };
        if (arg == "--db") {
            options.db = value("--db");
        } else if (arg == "--listen") {
            parse_listen(value("--listen"), options);
        } else if (arg == "--web") {
            options.web = value("--web");
        } else if (arg == "--threads") {
            options.threads =
                static_cast<std::size_t>(parse_number(value("--threads"), 1, 256, "--threads"));
        } else if (arg == "--words") {
            options.words = value("--words");
            options.words_given = true;
        } else if (arg == "--dictionary") {
            options.dictionary = value("--dictionary");
            options.dictionary_given = true;
        } else if (arg == "--associations") {
            options.associations = value("--associations");
        } else if (arg == "--no-words") {
            options.words.clear();
            options.words_given = false;
            options.dictionary.clear();
            options.dictionary_given = false;
        } else if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--version") {
            options.version = true;
        } else {
            throw UsageError("unknown argument " + arg);
        }
    }
    if (!options.help && !options.version && options.db.empty()) {
        throw UsageError("--db DIR is required");
    }
    return options;
}

} // namespace depeches::searchd
