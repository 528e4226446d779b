#include <boost/json.hpp>

#include "engine/auth/authenticator.hpp"
#include "engine/template.hpp"

namespace hw::engine::auth {
namespace {

// One key and where it goes: the header or the query parameter its schema property's
// `restAttributes` names.
struct Key {
  std::string header, query, value;
};

std::string rest_attribute(const boost::json::value& property, std::string_view name) {
  const auto* rest =
      property.is_object() ? property.get_object().if_contains("restAttributes") : nullptr;
  const auto* value = rest && rest->is_object() ? rest->get_object().if_contains(name) : nullptr;
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

class KeyBased final : public Authenticator {
 public:
  explicit KeyBased(std::vector<Key> keys) : keys_(std::move(keys)) {}

  void apply(UpstreamRequest& request) const override {
    for (const auto& key : keys_) {
      if (!key.header.empty()) request.set_header(key.header, key.value);
      if (!key.query.empty()) {
        request.url += request.url.find('?') == std::string::npos ? '?' : '&';
        request.url += url_encode(key.query) + "=" + url_encode(key.value);
      }
      request.secrets.push_back(key.value);
    }
  }

 private:
  std::vector<Key> keys_;
};

}  // namespace

std::unique_ptr<Authenticator> key_based(const boost::json::object& spec,
                                         const boost::json::object& params) {
  std::vector<Key> keys;
  const auto* properties = spec.if_contains("properties");
  if (properties && properties->is_object()) {
    for (const auto& [name, property] : properties->get_object()) {
      Key key{rest_attribute(property, "headerParamName"),
              rest_attribute(property, "queryParamName"), param(params, name)};
      if ((!key.header.empty() || !key.query.empty()) && !key.value.empty())
        keys.push_back(std::move(key));
    }
  }
  return std::make_unique<KeyBased>(std::move(keys));
}

}  // namespace hw::engine::auth
