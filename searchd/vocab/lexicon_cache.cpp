// Background reloads of the lexicon, one at a time.
#include "searchd/vocab/lexicon_cache.hpp"

#include <iostream>

#include "indexer/index/index_store.hpp"

namespace depeches::vocab {

LexiconCache::LexiconCache(std::filesystem::path index_dir, const Xapian::Database& db)
    : m_dir(std::move(index_dir)), m_lexicon(Lexicon::load(db)), m_revision(revision_of(db)) {}

LexiconCache::~LexiconCache() {
    if (m_loader.joinable()) {
        m_loader.join();
    }
}

std::string LexiconCache::revision_of(const Xapian::Database& db) {
    std::string revision = db.get_uuid();
    try {
        revision += ':' + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
        revision +=
            ':' + std::to_string(db.get_doccount()) + ':' + std::to_string(db.get_lastdocid());
    }
    return revision;
}

std::shared_ptr<const Lexicon> LexiconCache::get(const Xapian::Database& db) {
    const std::string revision = revision_of(db);
    std::lock_guard lock(m_mutex);
    if (revision != m_revision && !m_loading) {
        m_loading = true;
        if (m_loader.joinable()) {
            m_loader.join(); // finished: m_loading was false
        }
        m_loader = std::thread([this] { reload(); });
    }
    return m_lexicon;
}

void LexiconCache::reload() {
    std::shared_ptr<const Lexicon> lexicon;
    std::string revision;
    try {
        const Xapian::Database db = index::open_for_reading(m_dir);
        revision = revision_of(db);
        lexicon = Lexicon::load(db);
    } catch (const std::exception& e) {
        std::cerr << "depeches-searchd: keeping the previous vocabulary: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "depeches-searchd: keeping the previous vocabulary: " << e.get_description()
                  << "\n";
    }
    std::lock_guard lock(m_mutex);
    if (lexicon) {
        m_lexicon = std::move(lexicon);
        m_revision = std::move(revision);
    }
    m_loading = false;
}

} // namespace depeches::vocab
