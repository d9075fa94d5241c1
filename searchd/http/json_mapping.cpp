// JSON of the HTTP API, version 1.
#include "searchd/http/json_mapping.hpp"

#include <array>

namespace depeches::http {

namespace {

nlohmann::json date_or_null(const std::string& date) {
    return date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date);
}

const char* sort_name(search::SearchRequest::Sort sort) {
    switch (sort) {
    case search::SearchRequest::Sort::date:
        return "date";
    case search::SearchRequest::Sort::oldest:
        return "oldest";
    case search::SearchRequest::Sort::relevance:
        break;
    }
    return "relevance";
}

} // namespace

nlohmann::json search_json(const search::SearchRequest& request,
                           const search::SearchResult& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const search::Hit& hit : result.hits) {
        nlohmann::json h = {{"id", hit.id},
                            {"title", hit.title},
                            {"date", date_or_null(hit.date)},
                            {"score", hit.score}};
        if (request.snippets) {
            h["snippet"] = hit.snippet;
        }
        if (request.collapse) {
            h["copies"] = hit.copies;
        }
        hits.push_back(std::move(h));
    }
    nlohmann::json also = nlohmann::json::array();
    for (const query::AlsoSearched& a : result.also_searched) {
        also.push_back({{"word", a.word}, {"also", a.also}});
    }
    nlohmann::json out = {
        {"query", request.query},
        {"total", result.total},
        {"total_exact", result.total_exact},
        {"offset", request.offset},
        {"limit", request.limit},
        {"sort", sort_name(request.sort)},
        {"op", result.op},
        {"collapse", request.collapse},
        {"fallback", result.fallback},
        {"suggestion",
         result.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.suggestion)},
        {"corrected", result.corrected},
        {"also_searched", std::move(also)},
        {"took_ms", result.took_ms},
        {"hits", std::move(hits)},
    };
    if (request.periods != search::SearchRequest::Periods::none) {
        nlohmann::json periods = nlohmann::json::array();
        for (const search::PeriodCount& p : result.periods) {
            periods.push_back({{"period", p.period}, {"count", p.count}});
        }
        out["periods"] = std::move(periods);
        out["periods_op"] = result.periods_op;
    }
    return out;
}

nlohmann::json suggest_json(const std::string& typed, const search::SuggestResult& result) {
    nlohmann::json suggestions = nlohmann::json::array();
    for (const search::Completion& c : result.completions) {
        suggestions.push_back({{"text", c.text}, {"kind", c.kind}, {"count", c.count}});
    }
    return {{"q", typed}, {"suggestions", std::move(suggestions)}, {"took_ms", result.took_ms}};
}

nlohmann::json dispatch_json(const search::DispatchResult& result) {
    const nlohmann::json data = nlohmann::json::parse(result.data_json, nullptr, false);
    nlohmann::json out = nlohmann::json::object();
    if (data.is_object()) {
        static constexpr std::array<const char*, 11> k_public_fields{
            "id",  "title", "date",     "body",     "abstract", "source",
            "url", "lang",  "keywords", "dateline", "version"};
        for (const char* field : k_public_fields) {
            if (data.contains(field)) {
                out[field] = data[field];
            }
        }
    }
    if (!out.contains("date")) {
        out["date"] = nullptr;
    }
    if (!result.copies.empty()) {
        nlohmann::json copies = nlohmann::json::array();
        for (const search::Hit& copy : result.copies) {
            copies.push_back(
                {{"id", copy.id}, {"title", copy.title}, {"date", date_or_null(copy.date)}});
        }
        out["copies"] = std::move(copies);
    }
    if (!result.body_html.empty() || !result.title_html.empty()) {
        out["title_html"] = result.title_html;
        out["body_html"] = result.body_html;
        if (!result.abstract_html.empty()) {
            out["abstract_html"] = result.abstract_html;
        }
    }
    return out;
}

std::string to_wire(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace depeches::http
