#include "connection/secret_params.hpp"

namespace hw::connection {

std::vector<std::string> secret_names(const boost::json::object& schema) {
  std::vector<std::string> names;
  const auto* properties = schema.if_contains("properties");
  if (!properties || !properties->is_object()) return names;
  for (const auto& [name, property] : properties->get_object()) {
    const auto* format =
        property.is_object() ? property.get_object().if_contains("format") : nullptr;
    if (format && format->is_string() && format->get_string() == "password")
      names.emplace_back(name);
  }
  return names;
}

boost::json::object take_secrets(boost::json::object& params,
                                 const std::vector<std::string>& names) {
  boost::json::object secrets;
  for (const auto& name : names) {
    auto it = params.find(name);
    if (it == params.end()) continue;
    secrets[name] = std::move(it->value());
    it->value() = kMask;
  }
  return secrets;
}

void restore_masked(boost::json::object& params, const boost::json::object& secrets) {
  for (const auto& [name, value] : secrets) {
    auto it = params.find(name);
    if (it != params.end() && it->value().is_string() && it->value().get_string() == kMask) {
      it->value() = value;
    }
  }
}

}  // namespace hw::connection
