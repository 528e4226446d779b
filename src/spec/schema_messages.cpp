#include "spec/schema_messages.hpp"
#include "util/regex.hpp"

#include "json/serialize.hpp"
#include "spec/schema_guard.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace hw::spec::detail {
namespace json = boost::json;
namespace {

struct Step {
  bool is_index = false;
  std::string key;
  std::size_t index = 0;
};

// Where an error sits: our dotted path, the steps that lead there, and the instance node.
struct Location {
  std::string path;
  std::vector<Step> steps;
  std::vector<std::size_t> cuts;  // length of `path` at each ancestor, to name them cheaply
  const json::value* node = nullptr;
};

struct Rewritten {
  Rewritten(std::string p, std::string m, bool w = false)
      : path(std::move(p)), message(std::move(m)), wrapper(w) {}
  std::string path;
  std::string message;
  bool wrapper;                   // only says that something below failed
  std::vector<std::size_t> cuts;  // as in Location
};

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() < 19 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// valijson writes both `[name]` and `[0]`; only the instance can tell an index from a key.
void descend(Location& at, std::string_view token) {
  if (at.path != "$" && !at.path.empty()) at.cuts.push_back(at.path.size());
  const auto* array = at.node ? at.node->if_array() : nullptr;
  if (array && all_digits(token)) {
    const std::size_t i = std::stoull(std::string(token));
    at.steps.push_back({true, {}, i});
    at.path = index_path(at.path, i);
    at.node = i < array->size() ? &(*array)[i] : nullptr;
    return;
  }
  at.steps.push_back({false, std::string(token), 0});
  at.path = child_path(at.path, token);
  const auto* object = at.node ? at.node->if_object() : nullptr;
  at.node = object ? object->if_contains(token) : nullptr;
}

Location locate(const std::vector<std::string>& context, const json::value& instance,
                const std::string& base_path) {
  Location at{base_path, {}, {}, &instance};
  for (std::string_view token : context) {
    if (token == "<root>") continue;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      token = token.substr(1, token.size() - 2);
    descend(at, token);
  }
  return at;
}

const json::object* deref(const json::value& root, const json::value* node) {
  for (int hops = 0; node && hops < 16; ++hops) {
    const auto* o = node->if_object();
    if (!o) return nullptr;
    const auto* ref = o->if_contains("$ref");
    if (!ref || !ref->is_string()) return o;
    node = resolve_local_ref(root, ref->get_string());
  }
  return nullptr;
}

// Hints are best effort; this bounds the work on large schemas.
constexpr std::size_t kMaxHintSchemas = 64;

using Schemas = std::vector<const json::object*>;

// `node` (after `$ref`) and the subschemas that apply to the same instance.
void add_applicable(const json::value& root, const json::value* node, Schemas& out) {
  const json::object* s = deref(root, node);
  if (!s || out.size() >= kMaxHintSchemas || std::find(out.begin(), out.end(), s) != out.end())
    return;
  out.push_back(s);
  for (std::string_view key : {"allOf", "anyOf", "oneOf"})
    if (const auto* list = s->if_contains(key); list && list->is_array())
      for (const auto& item : list->get_array()) add_applicable(root, &item, out);
  for (std::string_view key : {"then", "else"}) add_applicable(root, s->if_contains(key), out);
}

bool pattern_matches(std::string_view pattern, std::string_view key) {
  if (key.size() > kMaxRegexSubjectLength) return false;
  try {
    return std::regex_search(std::string(key), std::regex(std::string(pattern)));
  } catch (const std::regex_error&) {
    return false;
  }
}

void add_property_schemas(const json::value& root, const json::object& s, const std::string& key,
                          Schemas& out) {
  const auto* props = s.if_contains("properties");
  const auto* named = props && props->is_object() ? props->get_object().if_contains(key) : nullptr;
  bool matched = named != nullptr;
  add_applicable(root, named, out);
  if (const auto* patterns = s.if_contains("patternProperties");
      patterns && patterns->is_object()) {
    for (const auto& member : patterns->get_object()) {
      if (!pattern_matches(member.key(), key)) continue;
      matched = true;
      add_applicable(root, &member.value(), out);
    }
  }
  if (!matched) add_applicable(root, s.if_contains("additionalProperties"), out);
}

void add_item_schemas(const json::value& root, const json::object& s, std::size_t index,
                      Schemas& out) {
  const auto* items = s.if_contains("items");
  if (!items || !items->is_array()) return add_applicable(root, items, out);
  const auto& list = items->get_array();
  add_applicable(root, index < list.size() ? &list[index] : s.if_contains("additionalItems"), out);
}

// The schemas that govern the node at `steps`, for the expected types, enums and patterns
// that valijson's messages leave out.
Schemas schemas_at(const json::value& root, const std::vector<Step>& steps) {
  Schemas current;
  add_applicable(root, &root, current);
  for (const Step& step : steps) {
    Schemas next;
    for (const json::object* s : current) {
      if (step.is_index)
        add_item_schemas(root, *s, step.index, next);
      else
        add_property_schemas(root, *s, step.key, next);
    }
    current = std::move(next);
  }
  return current;
}

const json::value* first_keyword(const Schemas& schemas, std::string_view keyword) {
  for (const json::object* s : schemas)
    if (const auto* v = s->if_contains(keyword)) return v;
  return nullptr;
}

std::string type_phrase(std::string_view type) {
  if (type == "null") return "null";
  const bool vowel = type == "integer" || type == "object" || type == "array";
  return std::string(vowel ? "an " : "a ") + std::string(type);
}

std::string_view type_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string:
      return "string";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "number";
    case json::kind::bool_:
      return "boolean";
    case json::kind::object:
      return "object";
    case json::kind::array:
      return "array";
    case json::kind::null:
      return "null";
  }
  return "value";
}

bool accepts(std::string_view type, const json::value& v) {
  if (type == "integer") return v.is_int64() || v.is_uint64();
  return type == type_of(v);
}

std::vector<std::string_view> declared_types(const json::object& s) {
  std::vector<std::string_view> out;
  const auto* type = s.if_contains("type");
  if (type && type->is_string()) out.push_back(type->get_string());
  if (type && type->is_array())
    for (const auto& t : type->get_array())
      if (t.is_string()) out.push_back(t.get_string());
  return out;
}

std::string alternatives(const std::vector<std::string_view>& types) {
  std::string out;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
    out += type_phrase(types[i]);
  }
  return out;
}

// "must be a string, not a number" from the first governing schema whose `type` rejects the
// node; a vaguer message when no such schema is plain to see.
std::string type_message(const Location& at, const Schemas& schemas) {
  const std::string got = at.node ? type_phrase(type_of(*at.node)) : "this value";
  for (const json::object* s : schemas) {
    const auto expected = declared_types(*s);
    const bool rejects = at.node && !expected.empty() &&
                         std::none_of(expected.begin(), expected.end(),
                                      [&](std::string_view t) { return accepts(t, *at.node); });
    if (rejects) return "must be " + alternatives(expected) + ", not " + got;
  }
  return "has a type the schema does not allow here (" + got + ")";
}

std::string enum_message(const Schemas& schemas) {
  const auto* values = first_keyword(schemas, "enum");
  if (!values || !values->is_array() || values->get_array().empty() ||
      values->get_array().size() > 12)
    return "is not one of the allowed values";
  std::string list;
  for (const auto& v : values->get_array())
    list += (list.empty() ? "" : ", ") + hw::json::serialize(v);
  return "must be one of " + list;
}

std::string const_message(const Schemas& schemas) {
  const auto* value = first_keyword(schemas, "const");
  const std::string text = value ? hw::json::serialize(*value) : std::string();
  if (text.empty() || text.size() > 80) return "does not equal the value the schema requires";
  return "must be " + text;
}

std::string pattern_message(const Schemas& schemas) {
  const auto* p = first_keyword(schemas, "pattern");
  if (!p || !p->is_string() || p->get_string().size() > 100)
    return "does not match the required pattern";
  return "does not match the pattern '" + std::string(p->get_string()) + "'";
}

std::optional<std::string> quoted_after(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  text.remove_prefix(prefix.size());
  const std::size_t end = text.rfind('\'');
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(0, end));
}

// "15.000000" -> "15", "0.500000" -> "0.5".
std::string number_after(std::string_view text, std::string_view prefix) {
  text.remove_prefix(prefix.size());
  const std::size_t end = std::min(text.find_first_not_of("-+.0123456789"), text.size());
  std::string number(text.substr(0, end));
  if (number.find('.') != std::string::npos) {
    number.erase(number.find_last_not_of('0') + 1);
    if (!number.empty() && number.back() == '.') number.pop_back();
  }
  return number;
}

std::optional<Rewritten> rewrite_structure(const std::string& d, const Location& at) {
  if (auto name = quoted_after(d, "Missing required property '"))
    return Rewritten{child_path(at.path, *name), "'" + *name + "' is required"};
  if (auto name = quoted_after(d,
                               "Object contains a property that could not be validated using "
                               "'properties' or 'additionalProperties' constraints: '"))
    return Rewritten{child_path(at.path, *name), "'" + *name + "' is not allowed here"};
  if (auto name = quoted_after(d, "Missing dependency '"))
    return Rewritten{at.path, "needs '" + *name + "' as well"};
  return std::nullopt;
}

std::optional<std::string> rewrite_value(const std::string& d, const Location& at,
                                         const Schemas& s) {
  if (d.starts_with("Value type not permitted")) return type_message(at, s);
  if (d.starts_with("Failed to match against any enum")) return enum_message(s);
  if (d.starts_with("Failed to match expected value set by 'const'")) return const_message(s);
  if (d.starts_with("Failed to match regex")) return pattern_message(s);
  if (d == "String should be a valid date") return "must be a date like 2024-01-31";
  if (d == "String should be a valid time") return "must be a time like 13:45:00Z";
  if (d == "String should be a valid date-time")
    return "must be a date-time like 2024-01-31T13:45:00Z";
  if (d.starts_with("Target should not validate"))
    return "matches a schema it must not match ('not')";
  if (d.starts_with("Failed to validate against any schemas allowed by anyOf"))
    return "matches none of the alternatives in 'anyOf'";
  if (d.starts_with("Failed to validate against any child schemas allowed by oneOf"))
    return "matches none of the alternatives in 'oneOf'";
  if (d.starts_with("Failed to validate against exactly one"))
    return "matches more than one alternative in 'oneOf'";
  if (d.starts_with("Elements at indexes")) return "has equal items; its items must be unique";
  if (d.starts_with("Failed to any values against subschema in 'contains'"))
    return "has no item that matches 'contains'";
  if (d.starts_with("Array contains more items than allowed"))
    return "has more items than the schema allows";
  if (d.starts_with("Value should be a multiple of "))
    return "must be a multiple of " + number_after(d, "Value should be a multiple of ");
  return std::nullopt;
}

struct Bound {
  std::string_view prefix, before, after;
};
// Longer prefixes first: "greater than or equal to" must win over "greater than".
constexpr std::array<Bound, 10> kBounds = {{
    {"Expected number greater than or equal to ", "must be at least ", ""},
    {"Expected number greater than ", "must be greater than ", ""},
    {"Expected number less than or equal to ", "must be at most ", ""},
    {"Expected number less than ", "must be less than ", ""},
    {"String should be no more than ", "must be at most ", " characters long"},
    {"String should be no fewer than ", "must be at least ", " characters long"},
    {"Array should contain no more than ", "must have at most ", " items"},
    {"Array should contain no fewer than ", "must have at least ", " items"},
    {"Object should have no more than ", "must have at most ", " properties"},
    {"Object should have no fewer than ", "must have at least ", " properties"},
}};

std::optional<std::string> rewrite_bound(const std::string& d) {
  for (const Bound& b : kBounds) {
    if (!d.starts_with(b.prefix)) continue;
    const std::string n = number_after(d, b.prefix);
    if (n == "1" && b.prefix.starts_with("String should be no fewer")) return "must not be empty";
    return std::string(b.before) + n + std::string(b.after);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 7> kWrappers = {
    "Failed to validate item #",
    "Failed to validate against schema associated with",
    "Failed to validate against additional properties schema",
    "Failed to validate against a conditional schema",
    "Failed to validate against child schema #",
    "Cannot validate item #",
    "Failed to validate against dependent schema"};

std::string plain(std::string_view d) {
  std::string out(d);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

Rewritten describe(const Location& at, const std::string& d, const json::value& schema) {
  if (auto r = rewrite_structure(d, at)) return *r;
  const Schemas s = schemas_at(schema, at.steps);
  if (auto m = rewrite_value(d, at, s)) return {at.path, *m};
  if (auto m = rewrite_bound(d)) return {at.path, *m};
  const bool wrapper = std::any_of(kWrappers.begin(), kWrappers.end(),
                                   [&](std::string_view w) { return d.starts_with(w); });
  if (wrapper) return {at.path, "does not match its schema", true};
  return {at.path, plain(d)};
}

Rewritten rewrite(const RawError& e, const json::value& instance, const json::value& schema,
                  const std::string& base_path) {
  const Location at = locate(e.context, instance, base_path);
  Rewritten r = describe(at, e.description, schema);
  r.cuts = at.cuts;
  if (r.path != at.path && at.path != "$" && !at.path.empty()) r.cuts.push_back(at.path.size());
  return r;
}

// Every path that has a real error at or below it: the path itself and each ancestor.
std::unordered_set<std::string> explained_paths(const std::vector<Rewritten>& all) {
  std::unordered_set<std::string> out;
  for (const Rewritten& r : all) {
    if (r.wrapper) continue;
    out.insert(r.path);
    for (std::size_t cut : r.cuts) out.insert(r.path.substr(0, cut));
  }
  return out;
}

}  // namespace

void add_schema_errors(const std::vector<RawError>& raw, const json::value& instance,
                       const json::value& schema, const std::string& base_path, Report& out) {
  std::vector<Rewritten> all;
  all.reserve(raw.size());
  for (const RawError& e : raw) all.push_back(rewrite(e, instance, schema, base_path));
  const auto explained = explained_paths(all);
  const bool any_real =
      std::any_of(all.begin(), all.end(), [](const Rewritten& r) { return !r.wrapper; });
  std::set<std::pair<std::string, std::string>> seen;
  for (const Rewritten& r : all) {
    if (r.wrapper && (explained.contains(r.path) || (any_real && r.path == base_path))) continue;
    if (!seen.emplace(r.path, r.message).second) continue;
    out.error(r.path, r.message);
  }
}

}  // namespace hw::spec::detail
