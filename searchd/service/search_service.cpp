// Search over one index directory. Each thread has a Worker: its own Database (Xapian objects
// are not thread-safe), reopened when the indexer commits and replaced when a rebuild switches
// the stub to a new generation; a search that meets DatabaseModifiedError is retried once.
#include "searchd/service/search_service.hpp"

#include <cmath>
#include <deque>
#include <iostream>
#include <map>
#include <sys/stat.h>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "indexer/analysis/french.hpp"
#include "indexer/analysis/highlighter.hpp"
#include "indexer/analysis/utf8.hpp"
#include "indexer/index/index_store.hpp"
#include "indexer/index/schema.hpp"
#include "searchd/query/query_lexer.hpp"
#include "searchd/service/associations_scoring.hpp"
#include "searchd/service/opening_scoring.hpp"
#include "searchd/service/rescoring.hpp"
#include "searchd/service/search_error.hpp"
#include "searchd/service/term_scoring.hpp"

namespace depeches::search {

namespace {

using Clock = std::chrono::steady_clock;

/// How often a worker checks the index for a new commit or generation.
constexpr auto k_refresh_interval = std::chrono::milliseconds(100);
/// BM25 term-frequency saturation and length normalisation: the usual 1.2 and 0.75 (Lucene,
/// SQLite FTS5) rank our sets better than Xapian's defaults (1 and 0.5): see git log.
constexpr double k_bm25_k1 = 1.2;
constexpr double k_bm25_b = 0.75;
/// The shortest normalised document length BM25 counts (Xapian's default).
constexpr double k_bm25_min_normlen = 0.5;
/// Matches counted exactly before the total becomes an estimate.
constexpr Xapian::doccount k_exact_total_up_to = 1000;
/// The best matches of the words alone that the boosts rescore (see rescoring.hpp): 500, and
/// 1,000 for a query of up to k_few_words words. The all-words boost lifts a dispatch with
/// every word of a short query from deep down (500 instead loses orangesum-short R@100
/// 0.7717 -> 0.7683); with more words, few dispatches have them all, and 500 changes no
/// ranking of the evaluation sets while saving an eighth of a headline's time (see git log).
constexpr Xapian::doccount k_rescore_window = 500;
constexpr Xapian::doccount k_rescore_window_few_words = 1000;
constexpr std::size_t k_few_words = 4;
/// The dispatches with the words typed before the last one, at most, in which completions of
/// the last one are counted (see Worker::together).
constexpr Xapian::doccount k_context_sample = 1000;
/// A completion found fewer times in that sample is not known to go with those words.
constexpr Xapian::doccount k_context_min_found = 2;

/// Identity of the stub file: it changes when a rebuild renames a new stub into place.
struct StubIdentity {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const StubIdentity&) const = default;
};

StubIdentity stub_identity(const std::filesystem::path& dir) {
    struct stat st {};
    if (::stat(index::IndexDirectory(dir).stub_path().c_str(), &st) != 0) {
        return {};
    }
    return {st.st_ino,
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool is_iso_date(const std::string& s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

void validate(const SearchRequest& request) {
    if (!analysis::is_valid_utf8(request.query)) {
        throw SearchError(ErrorCode::bad_request, "q is not valid UTF-8");
    }
    const std::size_t chars = analysis::count_code_points(request.query);
    if (chars > k_max_query_chars) {
        throw SearchError(ErrorCode::query_too_long, "query too long: " + std::to_string(chars) +
                                                         " characters, at most " +
                                                         std::to_string(k_max_query_chars));
    }
    if (request.limit > k_max_limit) {
        throw SearchError(ErrorCode::bad_request,
                          "limit must be between 0 and " + std::to_string(k_max_limit));
    }
    if (request.offset > k_max_offset) {
        throw SearchError(ErrorCode::bad_request,
                          "offset must be between 0 and " + std::to_string(k_max_offset));
    }
    for (const std::string* date : {&request.from, &request.to}) {
        if (!date->empty() && !is_iso_date(*date)) {
            throw SearchError(ErrorCode::bad_request,
                              "from and to must be dates written YYYY-MM-DD, not '" + *date + "'");
        }
    }
}

} // namespace

/// The document tables of the revisions the workers read (see term_scoring.hpp), shared:
/// one copy per revision, two while the workers move from one to the next, not one per worker.
struct SearchService::TablesCache {
    std::shared_ptr<const DocumentTables> get(const Xapian::Database& db) {
        std::string revision = vocab::LexiconCache::revision_of(db);
        std::lock_guard lock(mutex);
        for (const auto& [seen, tables] : recent) {
            if (seen == revision) {
                return tables;
            }
        }
        auto tables = std::make_shared<const DocumentTables>(db);
        recent.emplace_front(std::move(revision), tables);
        if (recent.size() > 2) {
            recent.pop_back();
        }
        return tables;
    }

    std::mutex mutex;
    std::deque<std::pair<std::string, std::shared_ptr<const DocumentTables>>> recent;
};

/// One thread's view of the index and its analysis tools.
struct SearchService::Worker {
    Worker(std::filesystem::path index_dir, TablesCache& shared_tables,
           const vocab::Language& words)
        : dir(std::move(index_dir)), stub(stub_identity(dir)), db(index::open_for_reading(dir)),
          last_check(Clock::now()), tables(shared_tables), language(words) {}

    /// Picks up the indexer's commits and generation switches, at most every
    /// k_refresh_interval unless `force`.
    void refresh(bool force) {
        const auto now = Clock::now();
        if (!force && now - last_check < k_refresh_interval) {
            return;
        }
        last_check = now;
        const StubIdentity current = stub_identity(dir);
        if (current == stub) {
            db.reopen();
            return;
        }
        try {
            db = index::open_for_reading(dir);
            stub = current;
        } catch (const index::IndexError& e) {
            // Keep serving the generation we have; say why once per change of stub.
            if (!(reported == current)) {
                std::cerr << "depeches-searchd: keeping the previous index: " << e.what() << "\n";
                reported = current;
            }
        }
    }

    /// The terms of the accented spellings of `form` the index knows (see schema.hpp).
    std::vector<std::string> accented_terms(std::string_view form) const {
        const std::string prefix = index::accent_prefix(form);
        std::vector<std::string> terms;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            terms.push_back((*it).substr(prefix.size()));
        }
        return terms;
    }

    /// True when some dispatch writes the compound `key` (see WrittenCompound): hyphenated, or
    /// its parts in a row, as searching it finds them ("jeune fille" for "jeune-fille").
    bool writes_compound(std::string_view key) {
        if (lexicon->word(key) != nullptr) {
            return true;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse(key, query::DefaultOperator::op_and).query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return !enquire.get_mset(0, 1).empty();
    }

    /// For each of `candidates` (as the vocabulary writes them), how well it goes with the words
    /// of `with` (not its stop words), counted in a sample of k_context_sample dispatches that
    /// have them all; empty when none has (see Cooccurrence).
    std::vector<double> together(const std::vector<analysis::Token>& with,
                                 const std::vector<std::string>& candidates) {
        std::vector<Xapian::Query> words;
        for (const analysis::Token& token : with) {
            if (!analysis::is_stop_word(token.form)) {
                words.emplace_back(analyzer.term(token));
            }
        }
        if (words.empty()) {
            return {};
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
        enquire.set_weighting_scheme(Xapian::BoolWeight()); // a sample, not the best matches
        const Xapian::MSet sample = enquire.get_mset(0, k_context_sample);
        std::vector<Xapian::docid> ids(sample.begin(), sample.end());
        if (ids.empty()) {
            return {};
        }
        std::sort(ids.begin(), ids.end());
        const double share = static_cast<double>(ids.size()) / db.get_doccount();
        std::vector<double> affinity;
        affinity.reserve(candidates.size());
        for (const std::string& candidate : candidates) {
            const std::string term = vocab::written_term(candidate);
            Xapian::doccount found = 0;
            Xapian::PostingIterator post = db.postlist_begin(term);
            for (const Xapian::docid id : ids) {
                post.skip_to(id);
                if (post == db.postlist_end(term)) {
                    break;
                }
                found += *post == id ? 1 : 0;
            }
            // Found at least twice, and more often than by chance: then the more often and the
            // further above chance, the better (found × log(found / expected), the word's part
            // in the log-likelihood ratio). "Macron Mer": Merkel (26 of 1,000 where 6.6 by
            // chance) before mercredi (193 where 176).
            const double expected = share * db.get_termfreq(term);
            affinity.push_back(found >= k_context_min_found && found > expected
                                   ? found * std::log(found / expected)
                                   : 0);
        }
        return affinity;
    }

    std::filesystem::path dir;
    StubIdentity stub;
    StubIdentity reported;
    Xapian::Database db;
    Clock::time_point last_check;
    analysis::Analyzer analyzer;
    analysis::Highlighter highlighter{analyzer};
    /// The typo corrections of a word, computed once per request: the parser asks for them in
    /// both of its parses and the spelling suggestion once more.
    query::TypoCorrections corrections(const query::TypedWord& word,
                                       const analysis::TermChoice& terms) {
        auto [it, added] = corrections_seen.try_emplace(std::string(word.form)
                                                            .append(1, '\x01')
                                                            .append(word.lower)
                                                            .append(word.name ? "\x01" : ""));
        if (added) {
            it->second = typo_corrections(*lexicon, language, db, analyzer, word, terms);
        }
        return it->second;
    }

    /// The document lengths and dates of the revision `db` reads, for term-at-a-time scoring
    /// (see term_scoring.hpp).
    TablesCache& tables;
    /// The words of the language (see language.hpp), shared by the workers.
    const vocab::Language& language;

    std::shared_ptr<const vocab::Lexicon> lexicon; ///< set by worker(), never null after
    /// corrections() of the current request; cleared by SearchService::worker()
    std::unordered_map<std::string, query::TypoCorrections> corrections_seen;
    /// corrections(), for the parser
    /// The corrections the spelling suggestion offers (see suggested_corrections)
    Corrector suggester = [this](const query::TypedWord& word, const analysis::TermChoice& terms) {
        return suggested_corrections(db, terms, corrections(word, terms));
    };
    query::QueryParser parser{
        analyzer,
        {[this](std::string_view form) { return accented_terms(form); },
         [this](const query::TypedWord& word, const analysis::TermChoice& terms) {
             return corrections(word, terms);
         },
         [this](std::string_view key) { return lexicon->synonyms(key); }}};
};

SearchService::SearchService(std::filesystem::path index_dir,
                             std::shared_ptr<const vocab::Language> language,
                             std::shared_ptr<const associations::Table> associations)
    : m_dir(std::move(index_dir)),
      m_language(language ? std::move(language) : std::make_shared<const vocab::Language>()),
      m_associations(std::move(associations)) {
    // Opens and checks the index now, so that a bad index stops the daemon at start.
    m_lexicons = std::make_unique<vocab::LexiconCache>(m_dir, index::open_for_reading(m_dir));
    m_tables = std::make_unique<TablesCache>();
    worker();
}

SearchService::~SearchService() = default;

void SearchService::set_associations(std::shared_ptr<const associations::Table> associations) {
    m_associations.store(std::move(associations));
}

SearchService::Worker& SearchService::worker() {
    Worker* w = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto& slot = m_workers[std::this_thread::get_id()];
        if (!slot) {
            slot = std::make_unique<Worker>(m_dir, *m_tables, *m_language);
        }
        w = slot.get();
    }
    try {
        w->refresh(false);
        w->lexicon = m_lexicons->get(w->db);
        w->corrections_seen.clear(); // a new request
    } catch (const Xapian::Error& e) {
        throw SearchError(ErrorCode::unavailable, "index unavailable: " + e.get_description());
    }
    return *w;
}

namespace {

/// Runs `f`, once more after reopening when the index changed under it; maps Xapian errors.
template <typename Worker, typename F> auto with_retry(Worker& w, F&& f) {
    // A commit can discard the revision being read more than once in a burst of updates.
    constexpr int k_attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == k_attempts) {
                throw SearchError(ErrorCode::unavailable,
                                  "index changing too fast: " + e.get_description());
            }
            w.refresh(true);
        } catch (const Xapian::Error& e) {
            throw SearchError(ErrorCode::unavailable, "index unavailable: " + e.get_description());
        }
    }
}

/// Inverse document frequency weights for highlighting: rare words count more.
void weigh_terms(const Xapian::Database& db, analysis::HighlightTerms& terms) {
    const double n = db.get_doccount() + 1.0;
    for (auto& [term, weight] : terms.terms) {
        weight = std::log(n / (db.get_termfreq(term) + 0.5));
    }
}

/// Adds to each of `ranked` (best first) what its date's agreement with the days the query
/// names is worth (query::day_agreement, times the best score), and sorts them again.
void boost_named_days(const Xapian::Database& db, const std::vector<query::NamedDay>& days,
                      std::vector<Ranked>& ranked) {
    if (days.empty() || ranked.empty()) {
        return;
    }
    const std::vector<std::string> dates = values_of(db, index::k_slot_date, ranked);
    const double best = ranked.front().weight;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        ranked[i].weight += best * query::day_agreement(days, dates[i]);
    }
    sort_best_first(ranked);
}

/// The text keys (index::body_key) of `ranked`, by docid.
using TextKeys = std::unordered_map<Xapian::docid, std::string>;

TextKeys text_keys(const Xapian::Database& db, const std::vector<Ranked>& ranked) {
    std::vector<std::string> keys = values_of(db, index::k_slot_copies, ranked);
    TextKeys out;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        out.emplace(ranked[i].docid, std::move(keys[i]));
    }
    return out;
}

/// How many of `ranked` (best first) hold its best `texts` texts: the copies of a text count
/// once, and a dispatch without a key is a text of its own.
std::size_t reach_of_texts(const std::vector<Ranked>& ranked, const TextKeys& keys,
                           std::size_t texts) {
    std::unordered_set<std::string_view> seen;
    std::size_t counted = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const std::string& key = keys.at(ranked[i].docid);
        if ((key.empty() || seen.insert(key).second) && ++counted == texts) {
            return i + 1;
        }
    }
    return ranked.size();
}

/// Keeps the first of each text's copies in `ranked` (best first), each counting in its copies
/// those that followed it; returns how many were left out. `keys` has every one's text key.
std::size_t fold_copies(const TextKeys& keys, std::vector<Ranked>& ranked) {
    std::unordered_map<std::string_view, std::size_t> first_of; // key -> its place in `kept`
    std::vector<Ranked> kept;
    kept.reserve(ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const std::string& key = keys.at(ranked[i].docid);
        if (key.empty()) {
            kept.push_back(ranked[i]);
        } else if (const auto [it, added] = first_of.try_emplace(key, kept.size()); added) {
            kept.push_back(ranked[i]);
        } else {
            kept[it->second].copies += 1 + ranked[i].copies;
        }
    }
    const std::size_t left_out = ranked.size() - kept.size();
    ranked = std::move(kept);
    return left_out;
}

std::string body_of(const std::string& data) {
    const nlohmann::json doc = nlohmann::json::parse(data, nullptr, false);
    if (!doc.is_object() || !doc.contains("body") || !doc["body"].is_string()) {
        return {};
    }
    return doc["body"].get<std::string>();
}

} // namespace

namespace {

/// A request turned into what Enquire runs.
struct Plan {
    query::ParsedQuery parsed; ///< the words, for highlighting
    Xapian::Query query;       ///< the words with their operator and the date filter
    /// What only adds to the score of a match of `query`: by default, all the words together
    /// and proximity; the exact forms of the words (see with_boosts).
    std::vector<Xapian::Query> boosts;
    /// The same, when `query` is a plain OR of terms (or one term; a date range allowed) and
    /// the boosts are all the words (the AND of those terms, scaled), proximity and scaled
    /// terms: what term_scoring scores itself. Absent for any other shape (phrases, groups...).
    struct Flat {
        std::vector<TermGroup> terms;
        double all_words = 0; ///< the all-words boost's factor; 0 for none
        /// The proximity boost, if any: positions, which Xapian reads over the window (see
        /// rescore(); reading them ourselves, position list by position list, was slower).
        std::vector<Xapian::Query> positional;
        /// The date range of the query and the request, when there is one: YYYYMMDD numbers.
        std::optional<std::pair<std::uint32_t, std::uint32_t>> dates;
    };
    std::optional<Flat> flat;
};

/// True when no term is in two of `groups`, nor twice in one.
bool distinct_terms(const std::vector<TermGroup>& groups) {
    std::vector<std::string> terms;
    for (const TermGroup& group : groups) {
        terms.insert(terms.end(), group.begin(), group.end());
    }
    std::sort(terms.begin(), terms.end());
    return std::adjacent_find(terms.begin(), terms.end()) == terms.end();
}

/// The terms of `query` when it is one term (or an accent synonym group of two, see
/// TermGroup) or a plain OR of distinct such terms, with its type (`op`: OP_OR or OP_AND) for
/// more than one; nothing for any other shape.
std::optional<std::vector<TermGroup>> flat_terms(const Xapian::Query& query, Xapian::Query::op op) {
    const auto group_of = [](const Xapian::Query& q) -> std::optional<TermGroup> {
        if (q.get_type() == Xapian::Query::LEAF_TERM) {
            return TermGroup{*q.get_terms_begin()};
        }
        if (q.get_type() != Xapian::Query::OP_SYNONYM || q.get_num_subqueries() != 2) {
            return std::nullopt; // Xapian estimates a larger group's frequency its own way
        }
        TermGroup group;
        for (std::size_t i = 0; i < 2; ++i) {
            const Xapian::Query sub = q.get_subquery(i);
            if (sub.get_type() != Xapian::Query::LEAF_TERM) {
                return std::nullopt;
            }
            group.push_back(*sub.get_terms_begin());
        }
        return group;
    };
    std::vector<TermGroup> groups;
    if (query.get_type() == op) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            auto group = group_of(query.get_subquery(i));
            if (!group) {
                return std::nullopt;
            }
            groups.push_back(std::move(*group));
        }
    } else if (auto group = group_of(query)) {
        groups.push_back(std::move(*group));
    } else {
        return std::nullopt;
    }
    if (!distinct_terms(groups)) {
        return std::nullopt; // a repeated term weighs as its wqf says: left to Xapian
    }
    return groups;
}

/// The date range of the request and of the query's date: "YYYYMMDD" values, either empty
/// for no bound.
std::pair<std::string, std::string> date_bounds(const SearchRequest& request,
                                                const query::ParsedQuery& parsed) {
    std::string from = index::date_value(request.from);
    std::string to = index::date_value(request.to);
    if (!parsed.date_from.empty()) {
        from = std::max(from, parsed.date_from);
        to = to.empty() ? parsed.date_to : std::min(to, parsed.date_to);
    }
    return {from, to};
}

/// Adds the date range of the request and of the query's date: filter to `words`.
Xapian::Query filter_dates(Xapian::Query words, const SearchRequest& request,
                           const query::ParsedQuery& parsed) {
    const auto [from, to] = date_bounds(request, parsed);
    if (from.empty() && to.empty()) {
        return words;
    }
    const Xapian::Query range =
        to.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, index::k_slot_date, from)
                   : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::k_slot_date,
                                   from.empty() ? std::string("0") : from, to);
    return {Xapian::Query::OP_FILTER, words, range};
}

/// Proximity boost: a query of 2 to k_near_max_words plain words also scores, with
/// k_near_weight, the dispatches where they all stand within k_near_window positions.
constexpr std::size_t k_near_max_words = 4;
constexpr Xapian::termcount k_near_window = 12;
constexpr double k_near_weight = 0.25;

/// The words of `seq` within `window` positions of one another, in any order.
Xapian::Query near_of(const std::vector<analysis::TermChoice>& seq, Xapian::termcount window) {
    std::vector<Xapian::Query> parts;
    for (const auto& c : seq) {
        std::vector<Xapian::Query> terms(c.begin(), c.end());
        parts.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    return {Xapian::Query::OP_NEAR, parts.begin(), parts.end(), window};
}

/// Weight of the second scoring of the words of a dispatch that has them all (auto operator).
constexpr double k_all_words_weight = 0.25;

/// With an operator, the words combine with it. By default every dispatch with any of the
/// words matches, and those with all of them score their words again, at k_all_words_weight:
/// a short query gets what has every word first, a long one never comes back empty; a short
/// query also prefers its words close together. Whatever the operator, the exact forms of the
/// words add to the score (ParsedQuery::boosts).
Plan plan_query(query::QueryParser& parser, const SearchRequest& request) {
    Plan plan;
    plan.parsed = parser.parse(request.query, request.op.value_or(query::DefaultOperator::op_or));
    if (request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
        plan.query = filter_dates(Xapian::Query::MatchAll, request, plan.parsed); // browsing
        return plan;
    }
    std::vector<Xapian::Query>& boosts = plan.boosts;
    plan.query = filter_dates(plan.parsed.query, request, plan.parsed);
    std::optional<std::vector<TermGroup>> flat =
        flat_terms(plan.parsed.query, Xapian::Query::OP_OR);
    double all_words = 0;
    if (!request.op && plan.parsed.loose_clauses > 1) {
        const query::ParsedQuery strict =
            parser.parse(request.query, query::DefaultOperator::op_and);
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, strict.query, k_all_words_weight);
        all_words = k_all_words_weight;
        const auto strict_terms = flat_terms(strict.query, Xapian::Query::OP_AND);
        if (!flat || !strict_terms || *strict_terms != *flat) {
            flat.reset();
        }
    }
    const auto& sequence = plan.parsed.sequence;
    std::vector<Xapian::Query> positional;
    if (!request.op && sequence.size() >= 2 && sequence.size() <= k_near_max_words) {
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, near_of(sequence, k_near_window),
                            k_near_weight);
        positional.push_back(boosts.back());
    }
    const auto& exact = plan.parsed.boosts;
    if (!exact.empty()) {
        std::vector<Xapian::Query> scaled;
        for (const query::WeightedTerm& boost : exact) {
            scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(boost.term),
                                boost.factor);
        }
        boosts.emplace_back(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
    }
    if (flat) {
        plan.flat = Plan::Flat{std::move(*flat), all_words, std::move(positional), std::nullopt};
        const auto [from, to] = date_bounds(request, plan.parsed);
        if (!from.empty() || !to.empty()) {
            plan.flat->dates = std::make_pair(index::date_number(from).value_or(0),
                                              index::date_number(to).value_or(0xFFFFFFFFU));
        }
    }
    return plan;
}

/// Counts matches per period of their date: the first `width` digits of the date value
/// ("YYYYMMDD"), 4 for years and 6 for months. With `texts`, each text once, in the period of
/// its newest copy (its oldest when `oldest`), as the date order lists it (see index::body_key;
/// a dispatch without a key is a text of its own). Keeps a hash and a date per text seen, not
/// the key strings: a broad query over a large archive stays small.
class PeriodSpy : public Xapian::MatchSpy {
public:
    PeriodSpy(std::size_t width, bool texts, bool oldest)
        : m_divisor(width == 4 ? 10000 : 100), m_texts(texts), m_oldest(oldest) {}

    void operator()(const Xapian::Document& doc, double /*wt*/) override {
        const std::optional<std::uint32_t> dated =
            index::date_number(doc.get_value(index::k_slot_date));
        if (!dated) {
            return; // undated
        }
        const std::uint32_t date = *dated;
        const std::string key = m_texts ? doc.get_value(index::k_slot_copies) : std::string();
        if (key.empty()) {
            ++m_counts[date / m_divisor];
            return;
        }
        const auto [standing, added] = m_standing.try_emplace(std::hash<std::string>{}(key), date);
        if (!added && (m_oldest ? date < standing->second : date > standing->second)) {
            standing->second = date;
        }
    }

    /// Periods as "YYYY" or "YYYY-MM", oldest first, with their matches (or texts).
    [[nodiscard]] std::vector<PeriodCount> counts() const {
        std::map<std::uint32_t, std::size_t> counts = m_counts;
        for (const auto& [key, date] : m_standing) {
            ++counts[date / m_divisor];
        }
        std::vector<PeriodCount> out;
        for (const auto& [period, count] : counts) {
            std::string name = std::to_string(period);
            if (m_divisor == 100) {
                name.insert(4, 1, '-');
            }
            out.push_back({std::move(name), count});
        }
        return out;
    }

private:
    std::uint32_t m_divisor;
    bool m_texts;
    bool m_oldest;
    std::map<std::uint32_t, std::size_t> m_counts; ///< period → dispatches without a text key
    /// hashed body key → the date of the copy that stands for the text
    std::unordered_map<std::size_t, std::uint32_t> m_standing;
};

/// Sort key for oldest first: the date value, undated dispatches (an empty value) last.
class UndatedLast : public Xapian::KeyMaker {
public:
    std::string operator()(const Xapian::Document& doc) const override {
        std::string date = doc.get_value(index::k_slot_date);
        return date.empty() ? std::string("\xff") : date;
    }
};

} // namespace

void SearchService::run(Worker& w, const SearchRequest& request, SearchResult& result) const {
    if (request.sort != SearchRequest::Sort::relevance && !request.op) {
        // By date, "réforme des retraites" listed whatever said "réforme" last (or first).
        SearchRequest every_word = request;
        every_word.op = query::DefaultOperator::op_and;
        run_as_asked(w, every_word, result);
        if (result.total == 0) {
            SearchRequest any_word = request;
            any_word.op = query::DefaultOperator::op_or;
            run_as_asked(w, any_word, result); // result.op says so: "or"
        }
        return;
    }
    run_as_asked(w, request, result);
}

void SearchService::run_as_asked(Worker& w, const SearchRequest& request,
                                 SearchResult& result) const {
    result.op = !request.op ? "auto" : *request.op == query::DefaultOperator::op_and ? "and" : "or";
    // Everything that reads the index (the parser looks words up in it) may meet a commit:
    // with_retry runs it again on the reopened database.
    with_retry(w, [&] {
        Plan plan = plan_query(w.parser, request);
        result.fallback = plan.parsed.fallback;
        result.also_searched = plan.parsed.also_searched;
        const Xapian::BM25Weight weighting(k_bm25_k1, 0, 1, k_bm25_b, k_bm25_min_normlen);
        Xapian::Enquire enquire(w.db);
        enquire.set_weighting_scheme(weighting);
        const auto first = static_cast<Xapian::doccount>(request.offset);
        const auto count = static_cast<Xapian::doccount>(request.limit);
        std::vector<Ranked> ranked;
        Xapian::MSet mset;
        std::optional<std::size_t> folded;      // copies folded into the window's other hits
        std::optional<std::size_t> texts;       // in date order, the texts counted exactly
        std::optional<std::size_t> counted;     // every match, counted by term-at-a-time scoring
        std::size_t window_size = 0;            // the matches rescored
        std::optional<TextKeys> text_keys_read; // with collapse, the window's text keys
        UndatedLast oldest_first;
        if (request.sort != SearchRequest::Sort::relevance ||
            (plan.boosts.empty() && plan.parsed.days.empty())) {
            // In date order every match is visited anyway: one query scores everything, and
            // Xapian's collapse key leaves copies out (the first copy in date order stands for
            // its text).
            enquire.set_query(with_boosts(plan.query, plan.boosts));
            if (request.sort == SearchRequest::Sort::date) {
                // Descending: an undated dispatch's empty value comes last.
                enquire.set_sort_by_value_then_relevance(index::k_slot_date, true);
            } else if (request.sort == SearchRequest::Sort::oldest) {
                enquire.set_sort_by_key_then_relevance(&oldest_first, false);
            }
            Xapian::ValueCountMatchSpy keys(index::k_slot_copies);
            if (request.collapse) {
                enquire.set_collapse_key(index::k_slot_copies);
                enquire.add_matchspy(&keys);
            }
            mset = enquire.get_mset(first, count, k_exact_total_up_to);
            ranked = ranked_of(mset);
            if (request.collapse && keys.get_total() < k_exact_total_up_to) {
                // Every match was seen (Xapian stops counting at k_exact_total_up_to): the texts
                // are the distinct keys, and each dispatch that has none (Xapian only
                // estimates them: "réforme des retraites" by date, 759 texts, said 800).
                Xapian::doccount keyed = 0;
                texts = 0;
                for (auto key = keys.values_begin(); key != keys.values_end(); ++key) {
                    keyed += key.get_termfreq();
                    ++*texts;
                }
                *texts += keys.get_total() - keyed;
            }
        } else {
            const Xapian::doccount window = plan.parsed.loose_clauses <= k_few_words
                                                ? k_rescore_window_few_words
                                                : k_rescore_window;
            const Xapian::doccount size = std::max(window, first + count);
            if (plan.flat) {
                // Plain lists of words (most queries): the same ranking, scored term at a time.
                const Bm25 bm25{k_bm25_k1, k_bm25_b, k_bm25_min_normlen};
                const std::shared_ptr<const DocumentTables> tables = w.tables.get(w.db);
                DateFilter filter;
                if (plan.flat->dates) {
                    filter = {&tables->dates, plan.flat->dates->first, plan.flat->dates->second};
                }
                const FlatWindow best =
                    match_flat(w.db, tables->lengths, plan.flat->terms, size, bm25, filter);
                ranked = rescore_flat(w.db, tables->lengths, best, plan.flat->all_words,
                                      plan.parsed.boosts, bm25);
                if (!plan.flat->positional.empty()) {
                    // Positions are read only where they can change the best of the window:
                    // the page (with copies folded, as deep as its texts reach), and the
                    // finalists that later phases reorder. Not when a named day may lift any
                    // dispatch of the window.
                    std::size_t shown = ranked.size();
                    if (plan.parsed.days.empty()) {
                        std::size_t page = first + count;
                        if (request.collapse) {
                            text_keys_read = text_keys(w.db, ranked);
                            page = reach_of_texts(ranked, *text_keys_read, page);
                        }
                        shown = std::max<std::size_t>(page, k_finalists);
                    }
                    ranked = rescore_near(w.db, tables->lengths, std::move(ranked),
                                          plan.parsed.sequence, k_near_weight,
                                          plan.flat->positional.front(), shown, bm25, weighting);
                }
                counted = best.matches;
            } else {
                enquire.set_query(plan.query);
                mset = enquire.get_mset(0, size, k_exact_total_up_to);
                ranked = rescore(w.db, mset, plan.boosts, weighting);
            }
            window_size = ranked.size();
            boost_named_days(w.db, plan.parsed.days, ranked);
            // Last, the best few are weighed for what their words say: the query in other
            // words, and the query in their opening.
            Finalists finalists = finalists_of(w.db, ranked);
            if (const auto associations = m_associations.load()) {
                weigh_associations(w.db, *associations, plan.parsed.words, finalists);
            }
            weigh_openings(w.db, plan.parsed.words_searched, finalists);
            put_back(std::move(finalists), ranked);
            // Copies score alike, so a text's copies stand together in the window: folded
            // here, they cost one value read per candidate (Xapian's collapse key in the first
            // phase made a headline's page 45 % slower).
            if (request.collapse) {
                if (!text_keys_read) {
                    text_keys_read = text_keys(w.db, ranked);
                }
                folded = fold_copies(*text_keys_read, ranked);
            }
            ranked.erase(ranked.begin(),
                         ranked.begin() + std::min<std::ptrdiff_t>(first, std::ssize(ranked)));
            ranked.resize(std::min<std::size_t>(ranked.size(), count));
        }
        result.total = texts.value_or(counted.value_or(mset.get_matches_estimated()));
        result.total_exact =
            texts || counted || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (folded) {
            // Exact only if the window held every match, and so every copy.
            result.total_exact = result.total_exact && window_size == result.total;
            result.total -= std::min(*folded, result.total);
        }
        if (request.snippets) {
            weigh_terms(w.db, plan.parsed.highlight);
        }
        result.hits = hits_of(w, ranked, request.snippets ? &plan.parsed.highlight : nullptr);
        return 0;
    });
}

SearchResult SearchService::search(const SearchRequest& request) {
    const auto start = Clock::now();
    validate(request);
    Worker& w = worker();
    SearchResult result;
    run(w, request, result);
    const auto suggestion = with_retry(w, [&] {
        return spelling_suggestion(
            request.query, w.suggester, w.analyzer,
            [&w](const std::vector<analysis::Token>& with,
                 const std::vector<std::string>& candidates) {
                return w.together(with, candidates);
            },
            [&w](std::string_view key) { return w.writes_compound(key); });
    });
    if (suggestion && *suggestion != request.query) {
        result.suggestion = *suggestion;
        if (result.total == 0 && request.correct) {
            SearchRequest corrected = request;
            corrected.query = *suggestion;
            run(w, corrected, result);
            result.corrected = true;
        }
    }
    if (result.total == 0 && request.correct) {
        // Phrases that find nothing: their words, wherever they stand.
        const std::string& searched = result.corrected ? result.suggestion : request.query;
        const std::string words = query::without_quotes(searched);
        if (words != searched && !words.empty()) {
            SearchRequest relaxed = request;
            relaxed.query = words;
            SearchResult loose;
            run(w, relaxed, loose);
            if (loose.total > 0) {
                loose.suggestion = words;
                loose.corrected = true;
                result = std::move(loose);
            }
        }
    }
    if (request.periods != SearchRequest::Periods::none) {
        SearchRequest searched = request;
        if (result.corrected) {
            searched.query = result.suggestion;
        }
        count_periods(w, searched, result);
    }
    result.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return result;
}

void SearchService::count_periods(Worker& w, const SearchRequest& request, SearchResult& result) {
    const std::size_t width = request.periods == SearchRequest::Periods::year ? 4 : 6;
    // As in date order: by default every word, or any when no dispatch has them all.
    std::vector<query::DefaultOperator> ops{query::DefaultOperator::op_and,
                                            query::DefaultOperator::op_or};
    if (request.op) {
        ops = {*request.op};
    }
    for (const query::DefaultOperator op : ops) {
        SearchRequest asked = request;
        asked.op = op;
        result.periods_op = op == query::DefaultOperator::op_and ? "and" : "or";
        const Xapian::doccount matches = with_retry(w, [&] {
            // Every match is visited, counted by its date value ("YYYYMMDD"), not scored.
            const Plan plan = plan_query(w.parser, asked);
            Xapian::Enquire enquire(w.db);
            enquire.set_query(plan.query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            PeriodSpy periods(width, request.collapse, request.sort == SearchRequest::Sort::oldest);
            enquire.add_matchspy(&periods);
            const Xapian::MSet mset = enquire.get_mset(0, 0, w.db.get_doccount());
            result.periods = periods.counts();
            return mset.get_matches_estimated();
        });
        if (matches > 0) {
            return;
        }
    }
}

SuggestResult SearchService::suggest(const std::string& typed, std::size_t limit) {
    const auto start = Clock::now();
    if (!analysis::is_valid_utf8(typed)) {
        throw SearchError(ErrorCode::bad_request, "q is not valid UTF-8");
    }
    if (analysis::count_code_points(typed) > k_max_query_chars) {
        throw SearchError(ErrorCode::query_too_long, "query too long: at most " +
                                                         std::to_string(k_max_query_chars) +
                                                         " characters");
    }
    if (limit == 0 || limit > k_max_completions) {
        throw SearchError(ErrorCode::bad_request,
                          "limit must be between 1 and " + std::to_string(k_max_completions));
    }
    SuggestResult result;
    Worker& w = worker();
    result.completions = with_retry(w, [&] {
        return completions(typed, *w.lexicon, limit,
                           [&w](const std::vector<analysis::Token>& before,
                                const std::vector<std::string>& candidates) {
                               return w.together(before, candidates);
                           });
    });
    result.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return result;
}

std::vector<Hit> SearchService::hits_of(Worker& w, const std::vector<Ranked>& ranked,
                                        const analysis::HighlightTerms* highlight) {
    // What a hit shows is read for all hits at once, from one value stream.
    const std::vector<std::string> shown = values_of(w.db, index::k_slot_hit, ranked);
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const Ranked& r = ranked[i];
        index::HitFields fields = index::unpack_hit(shown[i]);
        Hit hit{std::move(fields.id),
                std::move(fields.title),
                std::move(fields.date),
                r.weight,
                {},
                r.copies};
        if (highlight != nullptr) {
            hit.snippet =
                w.highlighter.snippet(body_of(w.db.get_document(r.docid).get_data()), *highlight)
                    .html;
        }
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<Hit> SearchService::copies_of(Worker& w, Xapian::docid docid, const std::string& key) {
    if (key.empty()) {
        return {};
    }
    // No term holds the key: the value range reads the slot's stream, a few ms for 36,000
    // dispatches, once per dispatch opened.
    Xapian::Enquire enquire(w.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::k_slot_copies, key, key));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(index::k_slot_date, true);
    const Xapian::MSet found = enquire.get_mset(0, k_max_copies_listed + 1);
    std::vector<Ranked> others = ranked_of(found);
    std::erase_if(others, [docid](const Ranked& r) { return r.docid == docid; });
    others.resize(std::min(others.size(), k_max_copies_listed));
    for (Ranked& r : others) {
        r.weight = 0;
    }
    return hits_of(w, others, nullptr);
}

DispatchResult SearchService::dispatch(const std::string& id, const std::string& query) {
    if (!analysis::is_valid_utf8(id) || !analysis::is_valid_utf8(query)) {
        throw SearchError(ErrorCode::bad_request, "id and q must be valid UTF-8");
    }
    if (analysis::count_code_points(query) > k_max_query_chars) {
        throw SearchError(ErrorCode::query_too_long, "query too long: at most " +
                                                         std::to_string(k_max_query_chars) +
                                                         " characters");
    }
    Worker& w = worker();
    return with_retry(w, [&] {
        const std::string term = index::id_term(id);
        Xapian::PostingIterator post = w.db.postlist_begin(term);
        if (post == w.db.postlist_end(term)) {
            throw SearchError(ErrorCode::not_found, "no dispatch with id '" + id + "'");
        }
        DispatchResult result;
        const Xapian::Document document = w.db.get_document(*post);
        result.data_json = document.get_data();
        result.copies = copies_of(w, *post, document.get_value(index::k_slot_copies));
        if (!query.empty()) {
            query::ParsedQuery parsed = w.parser.parse(query, query::DefaultOperator::op_and);
            weigh_terms(w.db, parsed.highlight);
            const nlohmann::json data = nlohmann::json::parse(result.data_json, nullptr, false);
            if (data.is_object()) {
                result.title_html =
                    w.highlighter.highlight(data.value("title", std::string()), parsed.highlight)
                        .html;
                result.body_html =
                    w.highlighter.highlight(data.value("body", std::string()), parsed.highlight)
                        .html;
                result.abstract_html =
                    w.highlighter.highlight(data.value("abstract", std::string()), parsed.highlight)
                        .html;
            }
        }
        return result;
    });
}

std::size_t SearchService::document_count() {
    Worker& w = worker();
    return with_retry(w, [&] { return static_cast<std::size_t>(w.db.get_doccount()); });
}

} // namespace depeches::search
