// One indexing run against an index directory.
#include "indexer/index/index_writer.hpp"

#include <stdexcept>

#include "indexer/index/schema.hpp"

namespace depeches::index {

namespace fs = std::filesystem;

IndexWriter::IndexWriter(const fs::path& dir, Options options) : m_layout(dir) {
    m_layout.prepare_for_writing();
    m_lock = std::make_unique<WriterLock>(dir, options.wait_lock);
    m_previous_generation = m_layout.live_generation();
    try {
        if (!m_previous_generation.empty()) {
            m_previous.emplace((dir / m_previous_generation).string());
            if (!options.full) {
                check_versions(*m_previous, dir);
            }
        }
        const bool empty = !m_previous || m_previous->get_doccount() == 0;
        m_mode = options.full || empty ? Mode::rebuild : Mode::incremental;
        if (m_mode == Mode::rebuild) {
            // Leftovers of an interrupted rebuild are not live: clear them first.
            m_layout.remove_generations_except(m_previous_generation, {});
            m_generation = m_layout.next_generation();
            m_build = std::make_unique<ShardedBuild>(
                m_layout.work_path(m_generation),
                options.shards > 0 ? options.shards : ShardedBuild::default_shards());
        } else {
            m_generation = m_previous_generation;
            m_previous.reset();
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

std::optional<std::string> IndexWriter::previous_hash(const std::string& id_term) const {
    const Xapian::Database& db = m_mode == Mode::rebuild ? *m_previous : m_db;
    Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
        return std::nullopt;
    }
    return db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(k_slot_hash);
}

IndexWriter::Outcome IndexWriter::put(BuiltDocument&& built) {
    Outcome outcome = Outcome::added;
    if (m_mode == Mode::incremental || m_previous) {
        if (const std::optional<std::string> hash = previous_hash(built.id_term)) {
            outcome = *hash == built.content_hash ? Outcome::unchanged : Outcome::updated;
        }
    }
    if (m_mode == Mode::rebuild) {
        const bool seen = !m_put_ids.insert(built.id_term).second;
        m_build->add(std::move(built), seen);
    } else if (outcome != Outcome::unchanged) {
        m_db.replace_document(built.id_term, built.document);
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
    if (m_mode != Mode::rebuild || !m_previous) {
        return 0;
    }
    std::size_t dropped = 0;
    const std::string prefix(k_prefix_id);
    for (auto term = m_previous->allterms_begin(prefix); term != m_previous->allterms_end(prefix);
         ++term) {
        dropped += m_put_ids.count(*term) > 0 ? 0 : 1;
    }
    return dropped;
}

std::size_t IndexWriter::document_count() const {
    return m_mode == Mode::rebuild ? m_put_ids.size() : m_db.get_doccount();
}

void IndexWriter::commit() {
    try {
        if (m_mode == Mode::incremental) {
            write_versions(m_db);
            m_db.commit_transaction();
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
