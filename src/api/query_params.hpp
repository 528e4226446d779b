#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "http/error.hpp"

// Checks shared by every list endpoint's query parameters (Flow Service and Catalog).
namespace hw::api {

// A 400 whose errors[] path is `query.<name>`.
http::ApiError bad_query_parameter(std::string_view name, const std::string& message);

// `text` as a whole number in [min, max], or a 400 naming the parameter.
std::size_t parse_whole_number(std::string_view name, std::string_view text, std::size_t min,
                               std::size_t max);

// A dotted field name of plain segments (`a.b_c`); with `allow_arrays`, a segment may
// end in `[]` (`transformations[].id`).
bool valid_field(std::string_view field, bool allow_arrays);

}  // namespace hw::api
