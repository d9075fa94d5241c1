// The search service: requests in, results out, no HTTP. Thread-safe: each thread gets its own
// Xapian database handle, analyzer and highlighter, and follows index updates on its own.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/highlighter.hpp"
#include "indexer/associations/table.hpp"
#include "searchd/query/query_parser.hpp"
#include "searchd/service/rescoring.hpp"
#include "searchd/service/spelling.hpp"
#include "searchd/vocab/language.hpp"
#include "searchd/vocab/lexicon_cache.hpp"

namespace depeches::search {

/// Most code points accepted in a query.
inline constexpr std::size_t k_max_query_chars = 1000;
/// Most hits per page.
inline constexpr std::size_t k_max_limit = 100;
/// Deepest page start.
inline constexpr std::size_t k_max_offset = 10000;

/// A search, as the caller asks for it (validated by search()).
struct SearchRequest {
    /// date: newest first; oldest: oldest first. Either way undated dispatches come last.
    enum class Sort { relevance, date, oldest };
    enum class Periods { none, year, month };
    std::string query;
    std::size_t limit = 10;
    std::size_t offset = 0;
    Sort sort = Sort::relevance;
    std::optional<query::DefaultOperator> op; ///< none: the service's own strategy
    bool snippets = true;
    std::string from;    ///< "YYYY-MM-DD" or empty
    std::string to;      ///< "YYYY-MM-DD" or empty
    bool correct = true; ///< with no result, search the spelling suggestion instead
    /// One hit per text: the dispatches whose body has the same words as a better one (see
    /// index::body_key) are left out, and counted in its Hit::copies.
    bool collapse = false;
    /// Also count the matching dispatches per year or month of their date (SearchResult::periods).
    Periods periods = Periods::none;
};

/// Dispatches dated in one period.
struct PeriodCount {
    std::string period; ///< "YYYY" or "YYYY-MM"
    std::size_t count = 0;
};

/// One result.
struct Hit {
    std::string id;
    std::string title;
    std::string date;       ///< "YYYY-MM-DD", empty when unknown
    double score = 0;       ///< relevance weight (BM25 and boosts); 0 when sorted by date only
    std::string snippet;    ///< HTML-escaped, only <mark> as markup; empty when not asked
    std::size_t copies = 0; ///< with SearchRequest::collapse: matching dispatches left out
                            ///< because their body has the same words as this one's
};

/// A page of results.
struct SearchResult {
    std::size_t total = 0; ///< matching dispatches (an estimate when !total_exact)
    bool total_exact = true;
    std::vector<Hit> hits;
    std::string op;        ///< operator applied between words: "and", "or", or "auto" (any
                           ///< word, those with every word first); by date, the default
                           ///< applies "and", or "or" when no dispatch has every word
    bool fallback = false; ///< not valid syntax: searched as plain words
    /// The query with its unknown words corrected ("Alepp" → "Alep"), empty when none.
    std::string suggestion;
    bool corrected = false; ///< no result for the query: the hits are the suggestion's
    /// The words also searched under the index's spellings one typo away, below the word as
    /// typed (see query::ParsedQuery::also_searched).
    std::vector<query::AlsoSearched> also_searched;
    /// With SearchRequest::periods: the dispatches that sorting by date lists (with every word
    /// of the query by default, or any when none has them all; within the dates asked for),
    /// counted per period of their date, oldest first; undated ones and empty periods left
    /// out. With SearchRequest::collapse, each text once, in the period of the copy that
    /// stands for it in date order: its newest, or its oldest when sorted oldest first.
    std::vector<PeriodCount> periods;
    std::string periods_op; ///< the operator periods were counted with: "and" or "or"
    double took_ms = 0;
};

/// Most completions per request.
inline constexpr std::size_t k_max_completions = 20;

/// Completions of what a reader is typing.
struct SuggestResult {
    std::vector<Completion> completions;
    double took_ms = 0;
};

/// A whole dispatch, with highlighting when a query was given.
struct DispatchResult {
    std::string data_json;     ///< the stored document data (JSON object, see schema.hpp)
    std::string title_html;    ///< empty unless a query was given
    std::string body_html;     ///< empty unless a query was given
    std::string abstract_html; ///< empty unless a query was given and there is an abstract
    /// The other dispatches whose body has the same words (see index::body_key), newest
    /// first, at most k_max_copies_listed; no snippets, no score.
    std::vector<Hit> copies;
};

/// Most copies a dispatch lists.
inline constexpr std::size_t k_max_copies_listed = 20;

/// Search over one index directory. Construction opens the index once to check it.
class SearchService {
public:
    /// Opens `index_dir`; throws index::IndexError with a message for the user. The words of
    /// `language` are not taken for typos (see vocab::Language); none when null. With
    /// `associations`, a dispatch that says the query's words in other words ranks higher
    /// (see associations_scoring.hpp); none when null.
    explicit SearchService(std::filesystem::path index_dir,
                           std::shared_ptr<const vocab::Language> language = nullptr,
                           std::shared_ptr<const associations::Table> associations = nullptr);
    ~SearchService();
    SearchService(const SearchService&) = delete;
    SearchService& operator=(const SearchService&) = delete;

    /// Runs a search. Throws SearchError.
    SearchResult search(const SearchRequest& request);

    /// The dispatch with this id; highlighted for `query` when not empty. Throws SearchError
    /// (not_found for an unknown id).
    DispatchResult dispatch(const std::string& id, const std::string& query);

    /// Completions of `typed` (at most `limit`, up to k_max_completions). Throws SearchError.
    SuggestResult suggest(const std::string& typed, std::size_t limit);

    /// Number of dispatches in the index now. Throws SearchError.
    std::size_t document_count();

    /// Ranks with `associations` from now on (none when null); a search under way goes on
    /// with the associations it began with. Safe to call while searches run.
    void set_associations(std::shared_ptr<const associations::Table> associations);

private:
    struct Worker;
    struct TablesCache;
    /// This thread's worker, up to date with the index. Throws SearchError.
    Worker& worker();
    /// The hits of `ranked`, with snippets for `highlight` when not null.
    static std::vector<Hit> hits_of(Worker& w, const std::vector<Ranked>& ranked,
                                    const analysis::HighlightTerms* highlight);
    /// The dispatches other than `docid` whose body key is `key` (see DispatchResult::copies).
    static std::vector<Hit> copies_of(Worker& w, Xapian::docid docid, const std::string& key);
    /// Runs `request` on `w` into `result` (hits, totals, operator, fallback). In date order,
    /// the auto operator asks for every word, and for any word only when no dispatch has them
    /// all: by date, the best matches cannot come first.
    void run(Worker& w, const SearchRequest& request, SearchResult& result) const;
    /// run() with the operator as asked (auto: any word, those with every word first).
    void run_as_asked(Worker& w, const SearchRequest& request, SearchResult& result) const;
    /// SearchResult::periods and periods_op of `request` (which asks for them).
    static void count_periods(Worker& w, const SearchRequest& request, SearchResult& result);

    std::filesystem::path m_dir;
    std::unique_ptr<vocab::LexiconCache> m_lexicons;
    std::shared_ptr<const vocab::Language> m_language;                      ///< never null
    std::atomic<std::shared_ptr<const associations::Table>> m_associations; ///< null: none
    std::unique_ptr<TablesCache> m_tables; ///< shared by the workers
    std::mutex m_mutex;
    std::unordered_map<std::thread::id, std::unique_ptr<Worker>> m_workers;
};

} // namespace depeches::search
