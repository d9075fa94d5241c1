// Reading the dispatches of a source file by its format.
#include "indexer/cli/dispatch_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/ingest/fields.hpp"
#include "indexer/ingest/jsonl_reader.hpp"
#include "indexer/ingest/newsml_reader.hpp"
#include "indexer/ingest/text_reader.hpp"

namespace depeches::cli {
namespace {

void read_whole_file(const SourceFile& file, const std::string& shown,
                     const FoundDispatch& on_dispatch,
                     const ingest::DiagnosticSink& on_diagnostic) {
    std::error_code ec;
    if (std::filesystem::file_size(file.path, ec) > ingest::k_max_input_bytes) {
        on_diagnostic({shown, 0, "file larger than 16 MiB: not a dispatch",
                       ingest::Diagnostic::Severity::rejected});
        return;
    }
    std::ifstream in(file.path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        on_diagnostic({shown, 0, "cannot read file", ingest::Diagnostic::Severity::rejected});
        return;
    }
    const auto diagnose = [&](ingest::Diagnostic&& d) {
        d.file = shown;
        on_diagnostic(std::move(d));
    };
    if (file.format == Format::newsml) {
        ingest::read_newsml(
            bytes.str(), shown,
            [&](ingest::Dispatch&& d) {
                d.origin = file.relative;
                const std::string where = d.line > 0 ? shown + ":" + std::to_string(d.line) : shown;
                on_dispatch(std::move(d), where);
            },
            diagnose);
        return;
    }
    ingest::TextReadResult result = ingest::read_text_dispatch(bytes.str(), file.relative);
    for (ingest::Diagnostic& d : result.diagnostics) {
        diagnose(std::move(d));
    }
    if (result.dispatch) {
        on_dispatch(std::move(*result.dispatch), shown);
    }
}

} // namespace

void read_dispatch_file(const SourceFile& file, const FoundDispatch& on_dispatch,
                        const ingest::DiagnosticSink& on_diagnostic) {
    const std::string shown = file.path.string();
    if (file.format != Format::jsonl) {
        read_whole_file(file, shown, on_dispatch, on_diagnostic);
        return;
    }
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        on_diagnostic({shown, 0, "cannot open file", ingest::Diagnostic::Severity::rejected});
        return;
    }
    read_dispatch_stream(in, shown, file.relative, on_dispatch, on_diagnostic);
}

void read_dispatch_stream(std::istream& in, const std::string& shown, const std::string& relative,
                          const FoundDispatch& on_dispatch,
                          const ingest::DiagnosticSink& on_diagnostic) {
    ingest::read_jsonl(
        in, shown,
        [&](ingest::Dispatch&& d) {
            d.origin = relative;
            const std::string where = shown + ":" + std::to_string(d.line);
            on_dispatch(std::move(d), where);
        },
        on_diagnostic);
}

} // namespace depeches::cli
