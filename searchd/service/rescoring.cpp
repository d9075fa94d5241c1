// Rescoring a window: a PostingSource over the window's document ids restricts the boost
// query to them, and one more Enquire scores it.
#include "searchd/service/rescoring.hpp"

#include <algorithm>
#include <unordered_map>

#include "indexer/index/schema.hpp"

namespace depeches::search {

namespace {

/// A fixed, sorted set of document ids as a posting list (weight 0), to filter a query by.
class DocidSet : public Xapian::PostingSource {
public:
    explicit DocidSet(std::vector<Xapian::docid> ids) : m_ids(std::move(ids)) {
        std::sort(m_ids.begin(), m_ids.end());
    }

    void init(const Xapian::Database& /*db*/) override { m_pos = k_before_start; }
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return count(); }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return count(); }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return count(); }
    void next(double /*min_wt*/) override { m_pos = m_pos == k_before_start ? 0 : m_pos + 1; }
    void skip_to(Xapian::docid did, double /*min_wt*/) override {
        const auto from =
            m_ids.begin() + static_cast<std::ptrdiff_t>(m_pos == k_before_start ? 0 : m_pos);
        m_pos = static_cast<std::size_t>(std::lower_bound(from, m_ids.end(), did) - m_ids.begin());
    }
    [[nodiscard]] bool at_end() const override {
        return m_pos != k_before_start && m_pos >= m_ids.size();
    }
    [[nodiscard]] Xapian::docid get_docid() const override { return m_ids[m_pos]; }
    // clone() stays null: Xapian then uses this object itself, on a single database only.

private:
    static constexpr std::size_t k_before_start = static_cast<std::size_t>(-1);

    [[nodiscard]] Xapian::doccount count() const {
        return static_cast<Xapian::doccount>(m_ids.size());
    }

    std::vector<Xapian::docid> m_ids;
    std::size_t m_pos = k_before_start;
};

} // namespace

std::vector<std::size_t> in_docid_order(const std::vector<Ranked>& ranked) {
    std::vector<std::size_t> order(ranked.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&ranked](std::size_t a, std::size_t b) {
        return ranked[a].docid < ranked[b].docid;
    });
    return order;
}

std::vector<std::string> values_of(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Ranked>& ranked) {
    const std::vector<std::size_t> by_docid = in_docid_order(ranked);
    std::vector<std::string> values(ranked.size());
    Xapian::ValueIterator it = db.valuestream_begin(slot);
    for (const std::size_t i : by_docid) {
        if (it == db.valuestream_end(slot)) {
            break;
        }
        it.skip_to(ranked[i].docid);
        if (it != db.valuestream_end(slot) && it.get_docid() == ranked[i].docid) {
            values[i] = *it;
        }
    }
    return values;
}

void sort_best_first(std::vector<Ranked>& ranked) {
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    });
}

Finalists finalists_of(const Xapian::Database& db, const std::vector<Ranked>& ranked) {
    Finalists finalists;
    finalists.ranked.assign(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                 ranked.size(), k_finalists)));
    finalists.words = values_of(db, index::k_slot_words, finalists.ranked);
    return finalists;
}

void put_back(Finalists finalists, std::vector<Ranked>& ranked) {
    sort_best_first(finalists.ranked);
    std::copy(finalists.ranked.begin(), finalists.ranked.end(), ranked.begin());
}

std::vector<Ranked> ranked_of(const Xapian::MSet& mset) {
    std::vector<Ranked> ranked;
    ranked.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ranked.push_back({*it, it.get_weight(), it.get_collapse_count()});
    }
    return ranked;
}

Xapian::Query with_boosts(Xapian::Query query, const std::vector<Xapian::Query>& boosts) {
    for (const Xapian::Query& boost : boosts) {
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
    }
    return query;
}

std::vector<Ranked> rescore(const Xapian::Database& db, const Xapian::MSet& window,
                            const std::vector<Xapian::Query>& boosts,
                            const Xapian::Weight& weighting) {
    return rescore(db, ranked_of(window), boosts, weighting);
}

std::vector<Ranked> rescore(const Xapian::Database& db, std::vector<Ranked> ranked,
                            const std::vector<Xapian::Query>& boosts,
                            const Xapian::Weight& weighting) {
    std::vector<Xapian::docid> ids;
    for (const Ranked& r : ranked) {
        ids.push_back(r.docid);
    }
    if (ranked.empty() || boosts.empty()) {
        return ranked;
    }
    // The candidates (weight 0) with what each boost adds: every candidate comes back.
    DocidSet candidates(std::move(ids));
    Xapian::Enquire enquire(db);
    enquire.set_query(with_boosts(Xapian::Query(&candidates), boosts));
    enquire.set_weighting_scheme(weighting);
    const auto size = static_cast<Xapian::doccount>(ranked.size());
    const Xapian::MSet added = enquire.get_mset(0, size, size);
    std::unordered_map<Xapian::docid, double> extra;
    for (auto it = added.begin(); it != added.end(); ++it) {
        extra.emplace(*it, it.get_weight());
    }
    for (Ranked& r : ranked) {
        if (const auto found = extra.find(r.docid); found != extra.end()) {
            r.weight += found->second;
        }
    }
    sort_best_first(ranked);
    return ranked;
}

} // namespace depeches::search
