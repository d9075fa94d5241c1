// The one table from service error codes to HTTP statuses, and the JSON error body.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "searchd/service/search_error.hpp"

namespace depeches::http {

/// HTTP status for an error code.
int status_of(search::ErrorCode code);

/// The stable string of an error code ("bad_request"…).
const char* name_of(search::ErrorCode code);

/// {"error": {"code": …, "message": …}}
nlohmann::json error_body(search::ErrorCode code, const std::string& message);

} // namespace depeches::http
