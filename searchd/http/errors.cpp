// Error code → HTTP status and JSON. The only place where an error becomes a status.
#include "searchd/http/errors.hpp"

#include <array>

namespace depeches::http {

namespace {

struct ErrorRow {
    search::ErrorCode code;
    int status;
    const char* name;
};

constexpr std::array<ErrorRow, 5> k_errors{{
    {search::ErrorCode::bad_request, 400, "bad_request"},
    {search::ErrorCode::query_too_long, 400, "query_too_long"},
    {search::ErrorCode::not_found, 404, "not_found"},
    {search::ErrorCode::unavailable, 503, "unavailable"},
    {search::ErrorCode::internal, 500, "internal_error"},
}};

const ErrorRow& row_of(search::ErrorCode code) {
    for (const ErrorRow& row : k_errors) {
        if (row.code == code) {
            return row;
        }
    }
    return k_errors.back();
}

} // namespace

int status_of(search::ErrorCode code) {
    return row_of(code).status;
}

const char* name_of(search::ErrorCode code) {
    return row_of(code).name;
}

nlohmann::json error_body(search::ErrorCode code, const std::string& message) {
    return {{"error", {{"code", name_of(code)}, {"message", message}}}};
}

} // namespace depeches::http
