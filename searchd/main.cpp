// depeches-searchd: serves ranked search and highlighted dispatches over HTTP (see --help).
// SIGTERM and SIGINT are taken by a dedicated thread (sigwait), which stops the server
// cleanly; every other thread has them blocked.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/index/index_store.hpp"
#include "searchd/http/server.hpp"
#include "searchd/options.hpp"
#include "searchd/service/associations_watch.hpp"
#include "searchd/service/search_service.hpp"

namespace {

/// What `read` returns, or nothing when it throws `Error` for a default file: the daemon says
/// what is missing (`package`) and what that costs, and goes on. A file given on the command
/// line (`given`) that cannot be read stops it.
template <typename Error, typename Read>
auto read_unless_missing(bool given, const char* package, const char* cost, Read read)
    -> decltype(read()) {
    try {
        return read();
    } catch (const Error& e) {
        if (given) {
            throw;
        }
        std::cerr << "depeches-searchd: " << e.what() << " (Debian package " << package
                  << "): " << cost << "\n";
        return {};
    }
}

/// The words of the language the options ask for: Debian's word list and dictionary unless
/// told otherwise. Throws vocab::WordListError or vocab::DictionaryError for one given on the
/// command line that cannot be read.
std::shared_ptr<const depeches::vocab::Language>
read_language(const depeches::searchd::Options& options) {
    using namespace depeches::vocab;
    WordList words;
    if (!options.words.empty()) {
        words = read_unless_missing<WordListError>(options.words_given, "wfrench",
                                                   "a word no dispatch has may be taken for a typo",
                                                   [&] { return WordList::read(options.words); });
    }
    std::shared_ptr<const Dictionary> dictionary;
    if (!options.dictionary.empty()) {
        dictionary = read_unless_missing<DictionaryError>(
            options.dictionary_given, "hunspell-fr",
            "an inflection the word list lacks may be taken for a typo",
            [&] { return std::make_shared<const Dictionary>(options.dictionary); });
    }
    return std::make_shared<const Language>(std::move(words), std::move(dictionary));
}

} // namespace

int main(int argc, char** argv) {
    using namespace depeches;
    const std::vector<std::string> args(argv + 1, argv + argc);
    searchd::Options options;
    try {
        options = searchd::parse_options(args);
    } catch (const searchd::UsageError& e) {
        std::cerr << "depeches-searchd: " << e.what() << "\n\n" << searchd::usage_text();
        return 2;
    }
    if (options.help) {
        std::cout << searchd::usage_text();
        return 0;
    }
    if (options.version) {
        std::cout << "depeches-searchd " << DEPECHES_VERSION << " (analysis "
                  << analysis::k_analysis_version << ")\n";
        return 0;
    }

    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        search::SearchService service(options.db, read_language(options));
        // After the service, so that it stops watching before the service goes.
        std::optional<search::AssociationsWatch> associations;
        if (!options.associations.empty()) {
            associations.emplace(options.associations, service);
        }
        http::Server server(service, {options.host, options.port, options.web, options.threads});
        const int port = server.bind();
        std::cout << "listening on http://" << options.host_for_url() << ":" << port << std::endl;

        std::atomic<bool> signalled{false};
        std::atomic<bool> finished{false};
        std::thread signal_thread([&] {
            int signal = 0;
            sigwait(&stop_signals, &signal);
            signalled = true;
            // A signal right after start may come before the server runs; a stop then would
            // be lost, so wait until it runs (or has given up).
            while (!finished) {
                if (server.is_running()) {
                    server.stop();
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        const bool served = server.serve();
        finished = true;
        if (!signalled) {
            // serve() returned without a signal (it failed): wake the signal thread.
            pthread_kill(signal_thread.native_handle(), SIGTERM);
        }
        signal_thread.join();
        return served ? 0 : 1;
    } catch (const index::IndexError& e) {
        std::cerr << "depeches-searchd: " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "depeches-searchd: " << e.what() << "\n";
    }
    return 1;
}
