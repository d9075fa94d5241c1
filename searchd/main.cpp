// depeches-searchd: serves ranked search and highlighted dispatches over HTTP (see --help).
// SIGTERM and SIGINT are taken by a dedicated thread (sigwait), which stops the server
// cleanly; every other thread has them blocked.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/index/index_store.hpp"
#include "searchd/http/server.hpp"
#include "searchd/options.hpp"
#include "searchd/service/search_service.hpp"

namespace {

/// The word list the options ask for, or none. Without --words, Debian's list is read when it
/// is there, and the daemon says so when it is not. Throws vocab::WordListError for a list
/// given with --words that cannot be read.
std::shared_ptr<const depeches::vocab::WordList>
read_words(const depeches::searchd::Options& options) {
    using depeches::vocab::WordList;
    if (options.words.empty()) {
        return nullptr;
    }
    try {
        return std::make_shared<const WordList>(WordList::read(options.words));
    } catch (const depeches::vocab::WordListError& e) {
        if (options.words_given) {
            throw;
        }
        std::cerr << "depeches-searchd: " << e.what()
                  << " (Debian package wfrench): a word no dispatch has may be taken for a "
                     "typo\n";
        return nullptr;
    }
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
        search::SearchService service(options.db, read_words(options));
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
