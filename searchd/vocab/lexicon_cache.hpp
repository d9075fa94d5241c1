// The current Lexicon of an index directory, shared by every worker thread. When a worker sees
// a newer revision of the index, the cache reloads the lexicon on a thread of its own; until
// it is ready, searches use the previous one (a lexicon a commit behind only misses the newest
// words for suggestions, never a match).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <xapian.h>

#include "searchd/vocab/lexicon.hpp"

namespace depeches::vocab {

class LexiconCache {
public:
    /// Loads the lexicon of `db`, the index opened from `index_dir`, now.
    LexiconCache(std::filesystem::path index_dir, const Xapian::Database& db);
    ~LexiconCache();
    LexiconCache(const LexiconCache&) = delete;
    LexiconCache& operator=(const LexiconCache&) = delete;

    /// The lexicon to use with `db` (this thread's handle on the index): the current one, and
    /// a reload started in the background when `db` is at another revision.
    std::shared_ptr<const Lexicon> get(const Xapian::Database& db);

    /// Identity of the revision `db` reads.
    static std::string revision_of(const Xapian::Database& db);

private:
    void reload();

    std::filesystem::path m_dir;
    std::mutex m_mutex;
    std::shared_ptr<const Lexicon> m_lexicon; ///< guarded by m_mutex
    std::string m_revision;                   ///< of m_lexicon, guarded by m_mutex
    bool m_loading = false;                   ///< guarded by m_mutex
    std::thread m_loader;                     ///< the last reload, joined before the next
};

} // namespace depeches::vocab
