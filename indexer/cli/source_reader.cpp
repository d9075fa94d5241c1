// Reading sources for an indexing run.
#include "indexer/cli/source_reader.hpp"

#include <iostream>

#include "indexer/cli/dispatch_files.hpp"

namespace depeches::cli {

void SourceReader::run() {
    const auto diagnose = [this](ingest::Diagnostic&& d) { this->diagnose(std::move(d)); };
    for (const Source& source : m_sources) {
        if (source.is_stdin) {
            read_dispatch_stream(
                std::cin, "-", "-",
                [this](ingest::Dispatch&& d, const std::string& where) {
                    emit(std::move(d), where, "");
                },
                diagnose);
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
    read_dispatch_file(
        file,
        [this, &file](ingest::Dispatch&& d, const std::string& where) {
            emit(std::move(d), where, file.absolute);
        },
        [this](ingest::Diagnostic&& d) { diagnose(std::move(d)); });
    Item done;
    done.kind = Item::Kind::file_done;
    done.origin = file.absolute;
    done.clean = m_clean;
    done.bytes = file.size;
    send(std::move(done));
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
