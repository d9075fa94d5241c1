// One indexing run against an index directory.
#include "indexer/index/index_writer.hpp"

#include <charconv>
#include <stdexcept>

#include "indexer/index/schema.hpp"

namespace depeches::index {

namespace fs = std::filesystem;

namespace {

std::uint64_t parse_version(const std::string& value) {
    std::uint64_t version = 0;
    std::from_chars(value.data(), value.data() + value.size(), version);
    return version;
}

} // namespace

StoredStates read_stored_states(const Xapian::Database& db) {
    // Value streams are read in docid order, chunk by chunk: far cheaper than one document
    // look-up per id.
    StoredStates states;
    states.reserve(db.get_doccount());
    std::unordered_map<Xapian::docid, std::string> ids;
    for (auto it = db.valuestream_begin(k_slot_id); it != db.valuestream_end(k_slot_id); ++it) {
        ids.emplace(it.get_docid(), *it);
    }
    for (auto it = db.valuestream_begin(k_slot_hash); it != db.valuestream_end(k_slot_hash); ++it) {
        if (const auto id = ids.find(it.get_docid()); id != ids.end()) {
            states[id->second].content_hash = *it;
        }
    }
    for (auto it = db.valuestream_begin(k_slot_version); it != db.valuestream_end(k_slot_version);
         ++it) {
        if (const auto id = ids.find(it.get_docid()); id != ids.end()) {
            states[id->second].version = parse_version(*it);
        }
    }
    return states;
}

IndexWriter::IndexWriter(const fs::path& dir, Options options) : m_layout(dir) {
    m_layout.prepare_for_writing();
    m_lock = options.lock ? options.lock : std::make_shared<WriterLock>(dir, options.wait_lock);
    m_previous_generation = m_layout.live_generation();
    try {
        if (!m_previous_generation.empty()) {
            const Xapian::Database previous((dir / m_previous_generation).string());
            if (!options.full) {
                check_versions(previous, dir);
            }
            m_stored = read_stored_states(previous);
        }
        m_mode = options.full || m_stored.empty() ? Mode::rebuild : Mode::incremental;
        // Leftovers of an interrupted rebuild were never live: clear them first. The generation
        // before the live one stays until the next rebuild: readers may still have it open.
        m_layout.remove_abandoned_builds(m_previous_generation);
        if (m_mode == Mode::rebuild) {
            m_generation = m_layout.next_generation();
            m_build = std::make_unique<ShardedBuild>(
                m_layout.work_path(m_generation),
                options.shards > 0 ? options.shards : ShardedBuild::default_shards());
        } else {
            m_generation = m_previous_generation;
            m_db = Xapian::WritableDatabase((dir / m_generation).string(), Xapian::DB_OPEN);
            m_db.begin_transaction(false);
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir.string() +
                         " for writing: " + e.get_description());
    }
}

IndexWriter::~IndexWriter() {
    if (m_committed) {
        return;
    }
    if (m_mode == Mode::incremental) {
        try {
            m_db.cancel_transaction();
            m_db.close();
        } catch (const Xapian::Error&) {
            // Nothing was committed by this run; the index is as it was.
        }
        return;
    }
    m_build.reset(); // stops the shard threads, removes their work
    std::error_code ec;
    fs::remove_all(m_layout.path() / m_generation, ec);
}

IndexWriter::Outcome IndexWriter::put(BuiltDocument&& built) {
    Outcome outcome = Outcome::added;
    if (const auto it = m_stored.find(built.id); it != m_stored.end()) {
        if (built.version < it->second.version) {
            return Outcome::superseded;
        }
        outcome =
            it->second.content_hash == built.content_hash ? Outcome::unchanged : Outcome::updated;
    }
    if (m_mode == Mode::rebuild) {
        const bool seen = !m_put_ids.insert(built.id).second;
        m_build->add(std::move(built), seen);
    } else if (outcome != Outcome::unchanged) {
        m_db.replace_document(built.id_term, built.document);
        m_changed = true;
    }
    return outcome;
}

bool IndexWriter::remove(const std::string& id) {
    if (m_mode != Mode::incremental) {
        throw std::logic_error("IndexWriter::remove is for incremental runs");
    }
    const std::string term = id_term(id);
    if (!m_db.term_exists(term)) {
        return false;
    }
    m_db.delete_document(term);
    m_changed = true;
    return true;
}

void IndexWriter::for_each_origin(
    const std::string& origin_prefix,
    const std::function<void(const std::string&, const std::string&)>& visit) const {
    if (m_mode != Mode::incremental) {
        return;
    }
    const std::string prefix = origin_term(origin_prefix);
    for (auto term = m_db.allterms_begin(prefix); term != m_db.allterms_end(prefix); ++term) {
        for (auto post = m_db.postlist_begin(*term); post != m_db.postlist_end(*term); ++post) {
            const Xapian::Document doc = m_db.get_document(*post, Xapian::DOC_ASSUME_VALID);
            visit(doc.get_value(k_slot_id), doc.get_value(k_slot_origin));
        }
    }
}

std::size_t IndexWriter::count_dropped_by_rebuild() const {
    if (m_mode != Mode::rebuild) {
        return 0;
    }
    std::size_t dropped = 0;
    for (const auto& [id, state] : m_stored) {
        dropped += m_put_ids.count(id) > 0 ? 0 : 1;
    }
    return dropped;
}

std::size_t IndexWriter::document_count() const {
    return m_mode == Mode::rebuild ? m_put_ids.size() : m_db.get_doccount();
}

void IndexWriter::commit() {
    try {
        if (m_mode == Mode::incremental) {
            if (m_changed) {
                write_versions(m_db);
                m_db.commit_transaction();
            } else {
                m_db.cancel_transaction();
            }
            m_db.close();
        } else {
            const fs::path generation = m_layout.path() / m_generation;
            m_build->finish_into(generation);
            m_build.reset();
            Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
            write_versions(db);
            db.commit();
            db.close();
            m_layout.switch_to(m_generation);
            // Keep the generation readers may still be using until the next switch.
            m_layout.remove_generations_except(m_generation, m_previous_generation);
        }
        m_committed = true;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot commit to " + m_layout.path().string() + ": " +
                         e.get_description());
    }
}

} // namespace depeches::index
