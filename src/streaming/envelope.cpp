#include "streaming/envelope.hpp"

namespace hw::streaming {
namespace {

// The member's value, the last one when the key repeats (DESIGN §2: the last one wins).
std::optional<simdjson::dom::element> member(simdjson::dom::object object, std::string_view key) {
  std::optional<simdjson::dom::element> found;
  for (auto field : object)
    if (field.key == key) found = field.value;
  return found;
}

bool is_object(const std::optional<simdjson::dom::element>& e) {
  return e && e->type() == simdjson::dom::element_type::OBJECT;
}

}  // namespace

Unwrapped unwrap(simdjson::dom::element message) {
  if (message.type() != simdjson::dom::element_type::OBJECT)
    return {{}, "a message must be a JSON object"};
  const simdjson::dom::object object = message.get_object().value_unsafe();
  const auto header = member(object, "header");
  const auto body = member(object, "body");
  const auto entity = is_object(header) && is_object(body)
                          ? member(body->get_object().value_unsafe(), "xdmEntity")
                          : std::nullopt;
  if (!entity) return {simdjson::minify(message), {}};
  if (!is_object(entity)) return {{}, "body.xdmEntity must be a JSON object"};
  return {simdjson::minify(*entity), {}};
}

}  // namespace hw::streaming
