// Reading sources for an indexing run.
#include "indexer/cli/source_reader.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "indexer/ingest/fields.hpp"
#include "indexer/ingest/jsonl_reader.hpp"
#include "indexer/ingest/newsml_reader.hpp"
#include "indexer/ingest/text_reader.hpp"

namespace depeches::cli {

void SourceReader::run() {
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

void SourceReader::read_file(const SourceFile& file) {
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
        read_whole_file(file, shown);
    }
    Item done;
    done.kind = Item::Kind::file_done;
    done.origin = file.absolute;
    done.clean = m_clean;
    done.bytes = file.size;
    send(std::move(done));
}

void SourceReader::read_whole_file(const SourceFile& file, const std::string& shown) {
    std::error_code ec;
    if (std::filesystem::file_size(file.path, ec) > ingest::k_max_input_bytes) {
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
    const auto on_diagnostic = [&](ingest::Diagnostic&& d) {
        d.file = shown;
        diagnose(std::move(d));
    };
    if (file.format == Format::newsml) {
        ingest::read_newsml(
            bytes.str(), shown,
            [&](ingest::Dispatch&& d) {
                d.origin = file.relative;
                const std::string where = d.line > 0 ? shown + ":" + std::to_string(d.line) : shown;
                emit(std::move(d), where, file.absolute);
            },
            on_diagnostic);
        return;
    }
    ingest::TextReadResult result = ingest::read_text_dispatch(bytes.str(), file.relative);
    for (ingest::Diagnostic& d : result.diagnostics) {
        on_diagnostic(std::move(d));
    }
    if (result.dispatch) {
        emit(std::move(*result.dispatch), shown, file.absolute);
    }
}

void SourceReader::read_jsonl_stream(std::istream& in, const std::string& shown,
                                     const std::string& relative, const std::string& absolute) {
    ingest::read_jsonl(
        in, shown,
        [&](ingest::Dispatch&& d) {
            d.origin = relative;
            const std::string where = shown + ":" + std::to_string(d.line);
            emit(std::move(d), where, absolute);
        },
        [&](ingest::Diagnostic&& d) { diagnose(std::move(d)); });
}

void SourceReader::send(Item&& item) {
    if (!m_stopped && !m_queue.push(std::move(item))) {
        m_stopped = true;
    }
}

void SourceReader::emit(ingest::Dispatch&& dispatch, const std::string& where,
                        const std::string& origin) {
    if (m_stopped) {
        return;
    }
    Item item;
    item.where = where;
    item.origin = origin;
    item.version = dispatch.version;
    index::StoredForm stored = index::stored_form(dispatch, origin);
    bool unchanged = false;
    if (m_stored != nullptr) {
        const auto known = m_stored->find(dispatch.id);
        unchanged = known != m_stored->end() && known->second.content_hash == stored.content_hash;
    }
    if (unchanged) {
        item.kind = Item::Kind::unchanged;
    } else {
        item.kind = Item::Kind::dispatch;
        item.built = m_builder.build(dispatch, origin, std::move(stored));
    }
    item.id = std::move(dispatch.id);
    send(std::move(item));
}

void SourceReader::diagnose(ingest::Diagnostic&& diagnostic) {
    m_clean &= diagnostic.severity != ingest::Diagnostic::Severity::rejected;
    Item item;
    item.kind = Item::Kind::diagnostic;
    item.diagnostic = std::move(diagnostic);
    send(std::move(item));
}

} // namespace depeches::cli
