// Filing the reader's items and removing vanished dispatches.
#include "indexer/cli/filing.hpp"

#include <vector>

namespace depeches::cli {

namespace {

ingest::Diagnostic warning(const std::string& where, std::string reason) {
    return {where, 0, std::move(reason), ingest::Diagnostic::Severity::warning};
}

} // namespace

void Filing::file(Item&& item) {
    switch (item.kind) {
    case Item::Kind::dispatch:
        file_dispatch(std::move(item));
        break;
    case Item::Kind::unchanged:
        if (note_seen(item)) {
            ++m_report.unchanged;
        }
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

bool Filing::note_seen(const Item& item) {
    const auto [seen, first] = m_seen.emplace(item.id, Seen{item.where, item.version});
    if (first) {
        return true;
    }
    if (item.version < seen->second.version) {
        m_report.warnings.push_back(warning(
            item.where, "dispatch '" + item.id + "' version " + std::to_string(item.version) +
                            " is older than version " + std::to_string(seen->second.version) +
                            " read at " + seen->second.where + "; ignored"));
        return false;
    }
    if (item.version == seen->second.version) {
        m_report.warnings.push_back(
            warning(item.where, "dispatch id '" + item.id + "' already read at " +
                                    seen->second.where + "; the later one wins"));
    }
    seen->second = {item.where, item.version};
    return true;
}

void Filing::file_dispatch(Item&& item) {
    if (!note_seen(item)) {
        return;
    }
    const std::string where = item.where;
    const std::string id = item.id;
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
    case index::IndexWriter::Outcome::superseded:
        m_report.warnings.push_back(
            warning(where, "dispatch '" + id + "' version " + std::to_string(item.version) +
                               " is older than the version in the index (" +
                               std::to_string(m_writer.stored().at(id).version) + "); ignored"));
        break;
    }
}

void Filing::remove_vanished(const Source& source) {
    if (source.is_stdin) {
        return;
    }
    remove_matching(source.is_directory ? source.absolute + "/" : source.absolute,
                    source.is_directory);
}

void Filing::remove_origin(const std::string& origin) {
    // Whatever was a file or a directory: both the path itself and what was below it.
    remove_matching(origin, false);
    remove_matching(origin + "/", true);
}

void Filing::remove_matching(const std::string& prefix, bool directory) {
    std::vector<std::pair<std::string, std::string>> candidates;
    m_writer.for_each_origin(prefix, [&](const std::string& id, const std::string& origin) {
        if (directory ? origin.rfind(prefix, 0) == 0 : origin == prefix) {
            candidates.emplace_back(id, origin);
        }
    });
    for (const auto& [id, origin] : candidates) {
        if (m_seen.count(id) > 0) {
            continue; // read again in this run, maybe from another file
        }
        const auto done = m_files_done.find(origin);
        const bool gone = done == m_files_done.end();
        if ((gone || done->second) && m_writer.remove(id)) {
            ++m_report.deleted;
        }
    }
}

} // namespace depeches::cli
