#pragma once
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

// Reading optional members of documents that were validated loosely or not at all:
// a missing member or one of the wrong type reads as empty, never as an exception.
namespace hw::json {

// `o[key]` when it is an object, else a shared empty object.
const boost::json::object& object_at(const boost::json::object& o, std::string_view key);
// `o[key]` when it is a string, else "".
std::string string_at(const boost::json::object& o, std::string_view key);
// `o[key]` when it is an object, else nullptr.
const boost::json::object* find_object(const boost::json::object& o, std::string_view key);

}  // namespace hw::json
