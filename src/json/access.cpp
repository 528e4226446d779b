#include "json/access.hpp"

namespace hw::json {

const boost::json::object* find_object(const boost::json::object& o, std::string_view key) {
  const auto* value = o.if_contains(key);
  return value && value->is_object() ? &value->get_object() : nullptr;
}

std::string string_at(const boost::json::object& o, std::string_view key) {
  const auto* value = o.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

const boost::json::object& object_at(const boost::json::object& o, std::string_view key) {
  static const boost::json::object kEmpty;
  const auto* found = find_object(o, key);
  return found ? *found : kEmpty;
}

}  // namespace hw::json
