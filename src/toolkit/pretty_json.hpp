#pragma once
#include <boost/json/value.hpp>

#include <string>

namespace hw::toolkit {

// `value` as an author would write it in a file: two-space indents, one member per line,
// a final newline. Scalars are written as hw::json::serialize writes them.
std::string pretty_json(const boost::json::value& value);

}  // namespace hw::toolkit
