// Parameter parsing for the search endpoint.
#include "searchd/http/request_params.hpp"

#include <charconv>

#include "searchd/service/search_error.hpp"

namespace depeches::http {

namespace {

const std::string* find(const Params& params, const std::string& name) {
    const auto it = params.find(name);
    return it == params.end() ? nullptr : &it->second;
}

[[noreturn]] void reject(const std::string& message) {
    throw search::SearchError(search::ErrorCode::bad_request, message);
}

std::size_t parse_count(const Params& params, const std::string& name, std::size_t fallback,
                        std::size_t max, std::size_t min = 0) {
    const std::string* value = find(params, name);
    if (value == nullptr) {
        return fallback;
    }
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (value->empty() || ec != std::errc() || ptr != value->data() + value->size() || n > max ||
        n < min) {
        reject(name + " must be an integer between " + std::to_string(min) + " and " +
               std::to_string(max));
    }
    return n;
}

/// The flag `name`: 1 or true, 0 or false, `fallback` when absent or empty.
bool parse_flag(const Params& params, const std::string& name, bool fallback) {
    const std::string* value = find(params, name);
    if (value == nullptr || value->empty()) {
        return fallback;
    }
    if (*value == "1" || *value == "true") {
        return true;
    }
    if (*value == "0" || *value == "false") {
        return false;
    }
    reject(name + " must be 0 or 1");
}

} // namespace

search::SearchRequest parse_search_params(const Params& params) {
    search::SearchRequest request;
    if (const std::string* q = find(params, "q")) {
        request.query = *q;
    }
    request.limit = parse_count(params, "limit", request.limit, search::k_max_limit);
    request.offset = parse_count(params, "offset", request.offset, search::k_max_offset);
    if (const std::string* sort = find(params, "sort")) {
        if (*sort == "date") {
            request.sort = search::SearchRequest::Sort::date;
        } else if (*sort == "oldest") {
            request.sort = search::SearchRequest::Sort::oldest;
        } else if (*sort != "relevance" && !sort->empty()) {
            reject("sort must be relevance, date or oldest");
        }
    }
    if (const std::string* op = find(params, "op")) {
        if (*op == "and") {
            request.op = query::DefaultOperator::op_and;
        } else if (*op == "or") {
            request.op = query::DefaultOperator::op_or;
        } else if (!op->empty()) {
            reject("op must be and or or");
        }
    }
    request.snippets = parse_flag(params, "snippet", request.snippets);
    request.correct = parse_flag(params, "correct", request.correct);
    request.collapse = parse_flag(params, "collapse", request.collapse);
    if (const std::string* periods = find(params, "periods")) {
        if (*periods == "year") {
            request.periods = search::SearchRequest::Periods::year;
        } else if (*periods == "month") {
            request.periods = search::SearchRequest::Periods::month;
        } else if (!periods->empty()) {
            reject("periods must be year or month");
        }
    }
    if (const std::string* from = find(params, "from")) {
        request.from = *from;
    }
    if (const std::string* to = find(params, "to")) {
        request.to = *to;
    }
    return request;
}

SuggestParams parse_suggest_params(const Params& params) {
    SuggestParams out;
    if (const std::string* q = find(params, "q")) {
        out.typed = *q;
    }
    out.limit = parse_count(params, "limit", out.limit, search::k_max_completions, 1);
    return out;
}

} // namespace depeches::http
