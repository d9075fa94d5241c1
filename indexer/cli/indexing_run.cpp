// One indexing run. The reader thread turns sources into built documents and diagnostics, in
// input order, through a bounded queue; this thread files them with the IndexWriter, then
// removes the dispatches whose source is gone, and commits.
#include "indexer/cli/indexing_run.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <unordered_map>

#include "indexer/cli/sources.hpp"
#include "indexer/index/index_writer.hpp"
#include "indexer/index/work_queue.hpp"
#include "indexer/ingest/jsonl_reader.hpp"
#include "indexer/ingest/text_reader.hpp"

namespace depeches::cli {

namespace {

/// Largest plain-text file read; larger ones are rejected (the text reader says why).
constexpr std::uintmax_t k_max_text_file_bytes = 16U << 20U;
/// Items in flight between the reader and the writer.
constexpr std::size_t k_queue_capacity = 256;

/// What the reader thread hands to the writer.
struct Item {
    enum class Kind { dispatch, diagnostic, file_done };
    Kind kind = Kind::dispatch;
    index::BuiltDocument built;    ///< dispatch
    std::string id;                ///< dispatch
    std::string where;             ///< dispatch: "file:line" or "file", for duplicate warnings
    std::string origin;            ///< dispatch, file_done: absolute source path ("" = stdin)
    ingest::Diagnostic diagnostic; ///< diagnostic
    bool clean = true;             ///< file_done: every input of the file was accepted
    std::uint64_t bytes = 0;       ///< file_done: size of the file, for progress
};

/// The reader side: sources → items.
class Reader {
public:
    Reader(const std::vector<Source>& sources, index::WorkQueue<Item>& queue)
        : m_sources(sources), m_queue(queue) {}

    void run() {
        for (const Source& source : m_sources) {
            if (source.is_stdin) {
                read_jsonl_stream(std::cin, "-", "-", "");
                continue;
            }
            for (const SourceFile& file : source.files) {
                if (m_stopped) {
                    return;
                }
                read_file(file);
            }
        }
    }

private:
    void read_file(const SourceFile& file) {
        m_clean = true;
        const std::string shown = file.path.string();
        if (file.format == Format::jsonl) {
            std::ifstream in(file.path, std::ios::binary);
            if (!in) {
                diagnose({shown, 0, "cannot open file", ingest::Diagnostic::Severity::rejected});
            } else {
                read_jsonl_stream(in, shown, file.relative, file.absolute);
            }
        } else {
            read_text_file(file, shown);
        }
        Item done;
        done.kind = Item::Kind::file_done;
        done.origin = file.absolute;
        done.clean = m_clean;
        done.bytes = file.size;
        send(std::move(done));
    }

    void read_text_file(const SourceFile& file, const std::string& shown) {
        std::error_code ec;
        if (std::filesystem::file_size(file.path, ec) > k_max_text_file_bytes) {
            diagnose({shown, 0, "file larger than 16 MiB: not a dispatch",
                      ingest::Diagnostic::Severity::rejected});
            return;
        }
        std::ifstream in(file.path, std::ios::binary);
        std::ostringstream bytes;
        if (!in || !(bytes << in.rdbuf())) {
            diagnose({shown, 0, "cannot read file", ingest::Diagnostic::Severity::rejected});
            return;
        }
        ingest::TextReadResult result = ingest::read_text_dispatch(bytes.str(), file.relative);
        for (ingest::Diagnostic& d : result.diagnostics) {
            d.file = shown;
            diagnose(std::move(d));
        }
        if (result.dispatch) {
            emit(std::move(*result.dispatch), shown, file.absolute);
        }
    }

    void read_jsonl_stream(std::istream& in, const std::string& shown, const std::string& relative,
                           const std::string& absolute) {
        ingest::read_jsonl(
            in, shown,
            [&](ingest::Dispatch&& d) {
                d.origin = relative;
                const std::string where = shown + ":" + std::to_string(d.line);
                emit(std::move(d), where, absolute);
            },
            [&](ingest::Diagnostic&& d) { diagnose(std::move(d)); });
    }

    /// Hands `item` to the writer; once the writer has stopped (it failed), reading stops too.
    void send(Item&& item) {
        if (!m_stopped && !m_queue.push(std::move(item))) {
            m_stopped = true;
        }
    }

    void emit(ingest::Dispatch&& dispatch, const std::string& where, const std::string& origin) {
        if (m_stopped) {
            return;
        }
        Item item;
        item.kind = Item::Kind::dispatch;
        item.built = m_builder.build(dispatch, origin);
        item.id = std::move(dispatch.id);
        item.where = where;
        item.origin = origin;
        send(std::move(item));
    }

    void diagnose(ingest::Diagnostic&& diagnostic) {
        m_clean &= diagnostic.severity != ingest::Diagnostic::Severity::rejected;
        Item item;
        item.kind = Item::Kind::diagnostic;
        item.diagnostic = std::move(diagnostic);
        send(std::move(item));
    }

    const std::vector<Source>& m_sources;
    index::WorkQueue<Item>& m_queue;
    index::DocumentBuilder m_builder;
    bool m_clean = true;
    bool m_stopped = false; ///< the writer stopped: read no further
};

/// The writer side: what this run put, and what it must remove afterwards.
class Filing {
public:
    Filing(index::IndexWriter& writer, RunReport& report) : m_writer(writer), m_report(report) {}

    void file(Item&& item) {
        switch (item.kind) {
        case Item::Kind::dispatch:
            file_dispatch(std::move(item));
            break;
        case Item::Kind::diagnostic:
            (item.diagnostic.severity == ingest::Diagnostic::Severity::rejected ? m_report.rejected
                                                                                : m_report.warnings)
                .push_back(std::move(item.diagnostic));
            break;
        case Item::Kind::file_done:
            m_files_done[item.origin] = item.clean;
            m_bytes_done += item.bytes;
            break;
        }
    }

    /// Removes the dispatches of `source` whose file is gone or no longer holds them.
    void remove_vanished(const Source& source) {
        if (source.is_stdin) {
            return;
        }
        const std::string prefix = source.is_directory ? source.absolute + "/" : source.absolute;
        std::vector<std::pair<std::string, std::string>> candidates;
        m_writer.for_each_origin(prefix, [&](const std::string& id, const std::string& origin) {
            if (origin.rfind(prefix, 0) == 0 && (source.is_directory || origin == prefix)) {
                candidates.emplace_back(id, origin);
            }
        });
        for (const auto& [id, origin] : candidates) {
            if (m_put.count(id) > 0) {
                continue; // put again by this run, maybe from another file
            }
            const auto done = m_files_done.find(origin);
            const bool gone = done == m_files_done.end();
            if ((gone || done->second) && m_writer.remove(id)) {
                ++m_report.deleted;
            }
        }
    }

    [[nodiscard]] std::uint64_t bytes_done() const { return m_bytes_done; }

private:
    void file_dispatch(Item&& item) {
        const auto [previous, first] = m_put.emplace(item.id, item.where);
        if (!first) {
            m_report.warnings.push_back({item.where, 0,
                                         "dispatch id '" + item.id + "' already read at " +
                                             previous->second + "; the later one wins",
                                         ingest::Diagnostic::Severity::warning});
            previous->second = item.where;
        }
        switch (m_writer.put(std::move(item.built))) {
        case index::IndexWriter::Outcome::added:
            ++m_report.added;
            break;
        case index::IndexWriter::Outcome::updated:
            ++m_report.updated;
            break;
        case index::IndexWriter::Outcome::unchanged:
            ++m_report.unchanged;
            break;
        }
    }

    index::IndexWriter& m_writer;
    RunReport& m_report;
    std::unordered_map<std::string, std::string> m_put; ///< id → where it was read last
    std::unordered_map<std::string, bool> m_files_done; ///< origin → read without rejection
    std::uint64_t m_bytes_done = 0;
};

} // namespace

RunReport run_indexing(const Options& options, ProgressBar& progress) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<Source> sources;
    std::uint64_t bytes_total = 0;
    for (const std::string& argument : options.sources) {
        sources.push_back(resolve_source(argument));
        for (const SourceFile& file : sources.back().files) {
            bytes_total += file.size;
        }
    }
    if (std::count_if(sources.begin(), sources.end(), [](const Source& s) { return s.is_stdin; }) >
        1) {
        throw UsageError("standard input (-) can be given only once");
    }

    index::IndexWriter writer(options.db, {options.full, options.wait});
    RunReport report;
    report.mode = writer.mode() == index::IndexWriter::Mode::rebuild ? "rebuild" : "incremental";
    Filing filing(writer, report);
    index::WorkQueue<Item> queue(k_queue_capacity);
    Reader reader(sources, queue);
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
    if (writer.mode() == index::IndexWriter::Mode::incremental) {
        for (const Source& source : sources) {
            filing.remove_vanished(source);
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
    const bool show_progress = options.progress == Progress::always ||
                               (options.progress == Progress::automatic && ::isatty(STDERR_FILENO));
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
