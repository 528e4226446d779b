#include "jsonpath/jsonpath.hpp"
#include "spec/rules/rules.hpp"

namespace hw::spec::rules {

Spec make_spec(const json::object& root, bool listed_in_streaming_flow_spec) {
  Spec spec{root, classify_connection_spec(root, listed_in_streaming_flow_spec)};
  spec.source_spec = object_at(&root, "sourceSpec");
  spec.attributes = object_at(spec.source_spec, "attributes");
  spec.url_params = object_at(spec.attributes, "urlParams");
  return spec;
}

const json::value* value_at(const json::object* o, std::string_view key) {
  return o ? o->if_contains(key) : nullptr;
}

const json::object* object_at(const json::object* o, std::string_view key) {
  const auto* v = value_at(o, key);
  return v ? v->if_object() : nullptr;
}

const json::array* array_at(const json::object* o, std::string_view key) {
  const auto* v = value_at(o, key);
  return v ? v->if_array() : nullptr;
}

std::optional<std::string_view> string_at(const json::object* o, std::string_view key) {
  const auto* v = value_at(o, key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string_view(v->get_string());
}

std::string path_of(std::string_view parent, std::string_view key) {
  return child_path(std::string(parent), key);
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kMax)) + "...'";
}

std::optional<std::string> jsonpath_problem(std::string_view expression) {
  const auto parsed = jsonpath::parse(expression);
  if (parsed) return std::nullopt;
  return "is not a valid JSONPath (at offset " + std::to_string(parsed.error.offset) +
         "): " + parsed.error.message;
}

}  // namespace hw::spec::rules
