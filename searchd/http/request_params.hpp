// Query-string parameters of GET /api/v1/search → a SearchRequest, with clear errors.
#pragma once

#include <map>
#include <string>

#include "searchd/service/search_service.hpp"

namespace depeches::http {

/// Decoded query-string parameters (httplib::Params is this type).
using Params = std::multimap<std::string, std::string>;

/// Reads q, limit, offset, sort, op, snippet, from, to. Unknown parameters are ignored; a
/// repeated one takes its first value. Throws search::SearchError(bad_request) naming the
/// parameter and what it accepts.
search::SearchRequest parse_search_params(const Params& params);

} // namespace depeches::http
