#pragma once
#include <string>
#include <variant>

#include "http/message.hpp"
#include "sample_api/contacts.hpp"

namespace hw::sample_api {

// GET /v1/contacts's query parameters: offset (default 0), limit (default 50, 1..100),
// updated_after and updated_before (YYYY-MM-DDTHH:MM:SSZ). Other parameters are ignored.
// Returns the query, or "<param>: <what is wrong>" for the first bad one.
std::variant<ContactQuery, std::string> parse_contact_query(const http::Fields& query);

}  // namespace hw::sample_api
