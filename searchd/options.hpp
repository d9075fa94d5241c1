// Command-line options of depeches-searchd.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "searchd/vocab/dictionary.hpp"
#include "searchd/vocab/word_list.hpp"

namespace depeches::searchd {

/// A command line that cannot be run as given (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Everything the command line says.
struct Options {
    std::filesystem::path db;       ///< --db DIR
    std::string host = "127.0.0.1"; ///< from --listen HOST:PORT
    int port = 8080;                ///< from --listen HOST:PORT; 0 picks a free port
    std::filesystem::path web;      ///< --web DIR; empty: API only
    std::size_t threads = 16;       ///< --threads N
    /// --words FILE: the language's words, not taken for typos; empty for none (--no-words)
    std::filesystem::path words = vocab::k_default_word_list;
    bool words_given = false; ///< --words was given: a list that cannot be read is an error
    /// --dictionary PREFIX: a Hunspell dictionary, PREFIX.aff and PREFIX.dic; empty for none
    std::filesystem::path dictionary = vocab::k_default_dictionary;
    bool dictionary_given = false; ///< --dictionary was given: one that cannot be read is an error
    /// --associations FILE: word associations written by depeches-learn; empty for none
    std::filesystem::path associations;
    bool help = false;
    bool version = false;

    /// The host as written in a URL (IPv6 in brackets).
    [[nodiscard]] std::string host_for_url() const {
        return host.find(':') != std::string::npos ? "[" + host + "]" : host;
    }
};

/// Parses the arguments after the program name. Throws UsageError.
Options parse_options(const std::vector<std::string>& args);

/// The --help text.
std::string usage_text();

} // namespace depeches::searchd
