// The errors the search service reports to its callers; the HTTP layer maps each code to a
// status in one table (searchd/http/errors.cpp).
#pragma once

#include <stdexcept>
#include <string>

namespace depeches::search {

/// Stable error codes, also the "code" field of JSON errors.
enum class ErrorCode {
    bad_request,    ///< the caller sent something invalid (parameter, bad UTF-8)
    query_too_long, ///< the query has more than k_max_query_chars code points
    not_found,      ///< no such dispatch or route
    unavailable,    ///< the index cannot be read right now
    internal,       ///< our fault
};

/// An error with a code and a message meant for the caller.
class SearchError : public std::runtime_error {
public:
    SearchError(ErrorCode code, const std::string& message)
        : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] ErrorCode code() const { return m_code; }

private:
    ErrorCode m_code;
};

} // namespace depeches::search
