// Query-string parameters of GET /api/v1/search → a SearchRequest, with clear errors.
#pragma once

#include <map>
#include <string>

#include "searchd/service/search_service.hpp"

namespace depeches::http {

/// Decoded query-string parameters (httplib::Params is this type).
using Params = std::multimap<std::string, std::string>;

/// Reads q, limit, offset, sort, op, snippet, correct, from, to. Unknown parameters are ignored; a
/// repeated one takes its first value. Throws search::SearchError(bad_request) naming the
/// parameter and what it accepts.
search::SearchRequest parse_search_params(const Params& params);

/// Parameters of GET /api/v1/suggest.
struct SuggestParams {
    std::string typed;     ///< q: what the reader has typed so far
    std::size_t limit = 8; ///< completions wanted, 1 to search::k_max_completions
};

/// Reads q and limit of a suggest request. Throws search::SearchError(bad_request).
SuggestParams parse_suggest_params(const Params& params);

} // namespace depeches::http
