// Service results → the JSON of HTTP API version 1 (field names are a contract: README).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "searchd/service/search_service.hpp"

namespace depeches::http {

/// GET /api/v1/search answer.
nlohmann::json search_json(const search::SearchRequest& request,
                           const search::SearchResult& result);

/// GET /api/v1/suggest answer.
nlohmann::json suggest_json(const std::string& typed, const search::SuggestResult& result);

/// GET /api/v1/dispatches/{id} answer.
nlohmann::json dispatch_json(const search::DispatchResult& result);

/// Serialises for the wire: compact, invalid UTF-8 replaced (never throws).
std::string to_wire(const nlohmann::json& value);

} // namespace depeches::http
