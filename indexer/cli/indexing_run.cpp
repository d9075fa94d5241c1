// Indexing runs. The reader thread turns sources into items in input order through a bounded
// queue; this thread files them with the IndexWriter, removes vanished dispatches, commits.
#include "indexer/cli/indexing_run.hpp"

#include <chrono>
#include <exception>
#include <thread>
#include <unistd.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/cli/filing.hpp"
#include "indexer/cli/source_reader.hpp"
#include "indexer/cli/watch.hpp"
#include "indexer/index/index_writer.hpp"

namespace depeches::cli {

namespace {

/// Items in flight between the reader and the writer.
constexpr std::size_t k_queue_capacity = 256;

/// Reads on a second thread, files on this one.
void read_and_file(const std::vector<Source>& sources, index::IndexWriter& writer, Filing& filing,
                   RunReport& report, ProgressBar& progress) {
    std::uint64_t bytes_total = 0;
    for (const Source& source : sources) {
        for (const SourceFile& file : source.files) {
            bytes_total += file.size;
        }
    }
    index::WorkQueue<Item> queue(k_queue_capacity);
    // In incremental mode the reader skips the analysis of dispatches the index holds as is.
    const index::StoredStates* stored =
        writer.mode() == index::IndexWriter::Mode::incremental ? &writer.stored() : nullptr;
    SourceReader reader(sources, queue, stored);
    std::exception_ptr reader_error;
    std::thread reader_thread([&] {
        try {
            reader.run();
        } catch (...) {
            reader_error = std::current_exception();
        }
        queue.close();
    });
    try {
        while (std::optional<Item> item = queue.pop()) {
            filing.file(std::move(*item));
            progress.update(report.processed(), filing.bytes_done(), bytes_total);
        }
    } catch (...) {
        queue.close();
        reader_thread.join();
        progress.finish();
        throw;
    }
    reader_thread.join();
    progress.finish();
    if (reader_error) {
        std::rethrow_exception(reader_error);
    }
}

} // namespace

RunReport run_once(const std::filesystem::path& db, const std::vector<Source>& sources,
                   const std::vector<std::string>& removed, const RunSettings& settings,
                   ProgressBar& progress) {
    const auto start = std::chrono::steady_clock::now();
    index::IndexWriter writer(db, {settings.full, settings.wait, 0, settings.lock});
    RunReport report;
    report.mode = writer.mode() == index::IndexWriter::Mode::rebuild ? "rebuild" : "incremental";
    Filing filing(writer, report);
    read_and_file(sources, writer, filing, report, progress);
    if (writer.mode() == index::IndexWriter::Mode::incremental) {
        for (const Source& source : sources) {
            filing.remove_vanished(source);
        }
        for (const std::string& origin : removed) {
            filing.remove_origin(origin);
        }
    } else {
        report.deleted = writer.count_dropped_by_rebuild();
    }
    report.documents = writer.document_count();
    writer.commit();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

RunReport run_indexing(const Options& options, ProgressBar& progress) {
    std::vector<Source> sources;
    for (const std::string& argument : options.sources) {
        sources.push_back(resolve_source(argument));
    }
    if (std::count_if(sources.begin(), sources.end(), [](const Source& s) { return s.is_stdin; }) >
        1) {
        throw UsageError("standard input (-) can be given only once");
    }
    return run_once(options.db, sources, {}, {options.full, options.wait, nullptr}, progress);
}

int run_indexer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Options options;
    try {
        options = parse_options(args);
    } catch (const UsageError& e) {
        err << "depeches-indexer: " << e.what() << "\n\n" << usage_text();
        return k_exit_usage;
    }
    if (options.help) {
        out << usage_text();
        return k_exit_ok;
    }
    if (options.version) {
        out << "depeches-indexer " << DEPECHES_VERSION << " (analysis "
            << analysis::k_analysis_version << ")\n";
        return k_exit_ok;
    }
    if (options.watch) {
        return run_watch(options, out, err);
    }
    const bool show_progress =
        options.progress == Progress::always ||
        (options.progress == Progress::automatic && ::isatty(STDERR_FILENO) != 0);
    ProgressBar progress(err, show_progress);
    try {
        const RunReport report = run_indexing(options, progress);
        print_summary(err, report, options.db.string());
        if (options.json) {
            print_json_summary(out, report);
        }
        return report.rejected.empty() ? k_exit_ok : k_exit_rejected;
    } catch (const UsageError& e) {
        err << "depeches-indexer: " << e.what() << "\n";
        return k_exit_usage;
    } catch (const index::IndexError& e) {
        err << "depeches-indexer: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        err << "depeches-indexer: index error: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        err << "depeches-indexer: " << e.what() << "\n";
    }
    err << "depeches-indexer: nothing was changed in " << options.db.string() << "\n";
    return k_exit_failure;
}

} // namespace depeches::cli
