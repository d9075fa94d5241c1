// depeches-learn: reading sources, learning, writing the table.
#include "indexer/cli/learning_run.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "indexer/associations/learner.hpp"
#include "indexer/cli/dispatch_files.hpp"
#include "indexer/cli/indexing_run.hpp"
#include "indexer/cli/options.hpp"
#include "indexer/cli/sources.hpp"

namespace depeches::cli {
namespace {

std::string learn_usage() {
    return "usage: depeches-learn --out FILE [--thesaurus THESAURUS] SOURCE...\n"
           "\n"
           "Learns which words of a dispatch's body its headline and abstract come with, from\n"
           "dispatches that have both (IBM Model 1), and writes the table to FILE, for\n"
           "depeches-searchd --associations FILE: a dispatch that words the query otherwise\n"
           "(\"mort\" for a body saying \"décédé\") then ranks higher. SOURCE is read as by\n"
           "depeches-indexer (a directory, a file, or - for JSON Lines on standard input).\n"
           "Learn from an archive of thousands of dispatches: words in fewer than three\n"
           "summaries are left out.\n"
           "\n"
           "An archive without headlines or abstracts takes its associations from a thesaurus\n"
           "instead (--thesaurus): each word's synonyms, weighed by how many of the archive's\n"
           "dispatches have the word. On an archive with summaries, what they teach ranks\n"
           "better, and the two together no better than it alone.\n"
           "\n"
           "  --out FILE              where to write the table (replaced once it is complete)\n"
           "  --thesaurus THESAURUS   a MyThes thesaurus in UTF-8, such as Debian's mythes-fr\n"
           "                          (/usr/share/mythes/thes_fr.dat)\n"
           "  --help                  print this help and exit\n";
}

struct LearnArgs {
    std::filesystem::path out;
    std::filesystem::path thesaurus;
    std::vector<std::string> sources;
    bool help = false;
};

LearnArgs parse_learn_args(const std::vector<std::string>& args) {
    LearnArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help") {
            parsed.help = true;
        } else if (args[i] == "--out") {
            if (i + 1 == args.size()) {
                throw UsageError("--out needs a file");
            }
            parsed.out = args[++i];
        } else if (args[i] == "--thesaurus") {
            if (i + 1 == args.size()) {
                throw UsageError("--thesaurus needs a file");
            }
            parsed.thesaurus = args[++i];
        } else if (args[i].size() > 1 && args[i].starts_with("-")) {
            throw UsageError("unknown option " + args[i]);
        } else {
            parsed.sources.push_back(args[i]);
        }
    }
    if (!parsed.help && parsed.out.empty()) {
        throw UsageError("--out FILE is required");
    }
    if (!parsed.help && parsed.sources.empty()) {
        throw UsageError("no SOURCE given");
    }
    return parsed;
}

/// Reads every dispatch of `sources` into `learner`, with their summaries unless
/// `bodies_only`; returns how many were read.
std::size_t read_sources(const std::vector<Source>& sources, associations::Learner& learner,
                         bool bodies_only, std::ostream& err) {
    std::size_t dispatches = 0;
    const FoundDispatch add = [&](ingest::Dispatch&& d, const std::string&) {
        ++dispatches;
        std::vector<std::string_view> summaries;
        if (bodies_only) {
            learner.add(d.body, summaries);
            return;
        }
        if (!d.title_from_body) {
            summaries.push_back(d.title);
        }
        summaries.push_back(d.abstract);
        learner.add(d.body, summaries);
    };
    const ingest::DiagnosticSink diagnose = [&err](ingest::Diagnostic&& d) {
        err << "depeches-learn: " << d.file << (d.line > 0 ? ":" + std::to_string(d.line) : "")
            << ": " << d.reason << "\n";
    };
    for (const Source& source : sources) {
        if (source.is_stdin) {
            read_dispatch_stream(std::cin, "-", "-", add, diagnose);
        }
        for (const SourceFile& file : source.files) {
            read_dispatch_file(file, add, diagnose);
        }
    }
    return dispatches;
}

/// The thesaurus at `path`; throws naming the file (and line) when it cannot be read.
std::vector<associations::ThesaurusEntry> read_thesaurus_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path)) {
        throw std::runtime_error("cannot read the thesaurus " + path.string());
    }
    try {
        return associations::read_thesaurus(in);
    } catch (const associations::ThesaurusError& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

/// Writes `table` to `path` through a temporary file beside it, so that a reader never sees
/// half a table.
void write_table(const associations::Table& table, const std::filesystem::path& path) {
    std::filesystem::path partial = path;
    partial += ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        table.write(out);
        out.flush();
        if (!out) {
            throw std::runtime_error("cannot write " + partial.string());
        }
    }
    std::filesystem::rename(partial, path);
}

} // namespace

int run_learner(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    LearnArgs parsed;
    try {
        parsed = parse_learn_args(args);
        if (parsed.help) {
            out << learn_usage();
            return k_exit_ok;
        }
        std::vector<Source> sources;
        for (const std::string& argument : parsed.sources) {
            sources.push_back(resolve_source(argument));
        }
        if (std::count_if(sources.begin(), sources.end(),
                          [](const Source& s) { return s.is_stdin; }) > 1) {
            throw UsageError("standard input (-) can be given only once");
        }
        const auto start = std::chrono::steady_clock::now();
        const bool from_thesaurus = !parsed.thesaurus.empty();
        std::vector<associations::ThesaurusEntry> thesaurus;
        if (from_thesaurus) {
            thesaurus = read_thesaurus_file(parsed.thesaurus);
        }
        associations::Learner learner;
        const std::size_t dispatches = read_sources(sources, learner, from_thesaurus, err);
        if (from_thesaurus ? learner.bodies() == 0 : learner.pairs() == 0) {
            throw std::runtime_error(
                "none of the " + std::to_string(dispatches) + " dispatches read has " +
                (from_thesaurus ? "a body" : "both a body and a headline or abstract") +
                ": nothing to learn from, nothing written");
        }
        const associations::Table table =
            from_thesaurus ? learner.learn_thesaurus(thesaurus) : learner.learn();
        write_table(table, parsed.out);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        err << "depeches-learn: " << parsed.out.string() << ": ";
        if (from_thesaurus) {
            err << thesaurus.size() << " thesaurus entries over the words of " << learner.bodies()
                << " bodies; ";
        } else {
            err << learner.pairs() << " pairs of summary and body from " << dispatches
                << " dispatches; ";
        }
        err << table.body_word_count() << " body words translate to " << table.summary_word_count()
            << " summary words; " << seconds << " s\n";
        if (from_thesaurus && table.empty()) {
            err << "depeches-learn: warning: no synonym of the thesaurus is in the dispatches\n";
        } else if (table.empty()) {
            err << "depeches-learn: warning: nothing was learned (no word is in three summaries "
                   "and three bodies): learn from a larger archive\n";
        }
        return k_exit_ok;
    } catch (const UsageError& e) {
        err << "depeches-learn: " << e.what() << "\n\n" << learn_usage();
        return k_exit_usage;
    } catch (const std::exception& e) {
        err << "depeches-learn: " << e.what() << "\n";
        return k_exit_failure;
    }
}

} // namespace depeches::cli
