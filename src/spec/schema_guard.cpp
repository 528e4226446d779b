#include "spec/schema_guard.hpp"
#include "util/regex.hpp"

#include "spec/did_you_mean.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace hw::spec::detail {
namespace json = boost::json;
namespace {

constexpr std::array<std::string_view, 9> kSingleSchemaKeywords = {"additionalItems",
                                                                   "additionalProperties",
                                                                   "contains",
                                                                   "propertyNames",
                                                                   "if",
                                                                   "then",
                                                                   "else",
                                                                   "not",
                                                                   "items"};
constexpr std::array<std::string_view, 4> kSchemaListKeywords = {"allOf", "anyOf", "oneOf",
                                                                 "items"};
constexpr std::array<std::string_view, 3> kSchemaMapKeywords = {"properties", "patternProperties",
                                                                "dependencies"};
constexpr std::array<std::string_view, 7> kTypeNames = {"string", "number", "integer", "boolean",
                                                        "object", "array",  "null"};
constexpr std::array<std::string_view, 3> kCheckedFormats = {"date", "time", "date-time"};

// Calls f(label, child) for every subschema of a schema object. `definitions` only matter
// through `$ref`, so the checker (which follows refs) skips them and the hardener does not.
template <typename Object, typename F>
void for_each_subschema(Object& o, bool with_definitions, F&& f) {
  for (std::string_view key : kSingleSchemaKeywords)
    if (auto* child = o.if_contains(key); child && !child->is_array()) f(std::string(key), *child);
  for (std::string_view key : kSchemaListKeywords) {
    auto* list = o.if_contains(key);
    if (!list || !list->is_array()) continue;
    std::size_t i = 0;
    for (auto& child : list->get_array())
      f(std::string(key) + "[" + std::to_string(i++) + "]", child);
  }
  for (std::string_view key : kSchemaMapKeywords) {
    auto* map = o.if_contains(key);
    if (!map || !map->is_object()) continue;
    for (auto& member : map->get_object()) {
      // A `dependencies` entry may also be a list of property names.
      if (key == "dependencies" && member.value().is_array()) continue;
      f(std::string(key) + "." + std::string(member.key()), member.value());
    }
  }
  if (!with_definitions) return;
  if (auto* defs = o.if_contains("definitions"); defs && defs->is_object())
    for (auto& member : defs->get_object())
      f("definitions." + std::string(member.key()), member.value());
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// One JSON Pointer reference token: percent-decoded (it sits in a URI fragment), then
// `~1` -> `/` and `~0` -> `~`.
std::string decode_token(std::string_view raw) {
  std::string pct;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() && is_hex(raw[i + 1]) && is_hex(raw[i + 2])) {
      pct += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      pct += raw[i];
    }
  }
  std::string out;
  for (std::size_t i = 0; i < pct.size(); ++i) {
    if (pct[i] == '~' && i + 1 < pct.size() && (pct[i + 1] == '0' || pct[i + 1] == '1')) {
      out += pct[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += pct[i];
    }
  }
  return out;
}

const json::value* step_into(const json::value& at, const std::string& token) {
  if (const auto* o = at.if_object()) return o->if_contains(token);
  const auto* a = at.if_array();
  if (!a || token.empty() || token.size() > 9 || !std::all_of(token.begin(), token.end(), is_digit))
    return nullptr;
  const std::size_t index = std::stoul(token);
  return index < a->size() ? &(*a)[index] : nullptr;
}

}  // namespace

const json::value* resolve_local_ref(const json::value& root, std::string_view ref) {
  if (ref.empty() || ref.front() != '#') return nullptr;
  ref.remove_prefix(1);
  if (!ref.empty() && ref.front() != '/') return nullptr;
  const json::value* at = &root;
  while (at && !ref.empty()) {
    ref.remove_prefix(1);
    const std::size_t end = std::min(ref.find('/'), ref.size());
    at = step_into(*at, decode_token(ref.substr(0, end)));
    ref.remove_prefix(end);
  }
  return at;
}

namespace {

std::string_view kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string:
      return "a string";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::array:
      return "an array";
    case json::kind::null:
      return "null";
    default:
      return "a value of another kind";
  }
}

// valijson says "JSON value is not an object" without saying where; these say where.
std::optional<std::string> container_problem(const json::object& o) {
  for (std::string_view key : {"properties", "patternProperties", "dependencies", "definitions"})
    if (const auto* v = o.if_contains(key); v && !v->is_object())
      return "'" + std::string(key) + "' must be an object, not " + std::string(kind_name(*v));
  for (std::string_view key : {"allOf", "anyOf", "oneOf"})
    if (const auto* v = o.if_contains(key); v && !v->is_array())
      return "'" + std::string(key) + "' must be a list of schemas, not " +
             std::string(kind_name(*v));
  return std::nullopt;
}

std::optional<std::string> type_keyword_problem(const json::value& type) {
  const auto bad_name = [](const json::value& v) -> std::optional<std::string> {
    if (!v.is_string()) return "'type' must be a type name or a list of them";
    const std::string_view name = v.get_string();
    if (std::find(kTypeNames.begin(), kTypeNames.end(), name) != kTypeNames.end())
      return std::nullopt;
    return "'" + std::string(name) +
           "' is not a JSON Schema type; use string, number, integer, boolean, object, array or "
           "null" +
           did_you_mean_hint(name, kTypeNames);
  };
  if (!type.is_array()) return bad_name(type);
  for (const auto& item : type.get_array())
    if (auto problem = bad_name(item)) return problem;
  return std::nullopt;
}

class Checker {
 public:
  explicit Checker(const json::value& root) : root_(root) {}

  std::optional<std::string> run() {
    visit(root_, 0);
    return problem_;
  }

 private:
  void visit(const json::value& node, std::size_t depth);
  void check_keywords(const json::object& o);
  void check_pattern(const json::value& pattern, std::string_view label);
  void follow_ref(const json::value& ref, std::size_t depth);

  void fail(std::string message) {
    if (problem_) return;
    std::string where;
    for (const auto& step : where_) where += where.empty() ? step : "." + step;
    problem_ = where.empty() ? std::move(message) : "at '" + where + "': " + message;
  }

  const json::value& root_;
  std::vector<const json::value*> open_;  // schemas on the current expansion path
  std::vector<std::string> where_;
  std::size_t nodes_ = 0;
  std::optional<std::string> problem_;
};

void Checker::visit(const json::value& node, std::size_t depth) {
  if (problem_) return;
  if (++nodes_ > kMaxSchemaNodes)
    return fail("the schema is too large: over " + std::to_string(kMaxSchemaNodes) +
                " subschemas once every '$ref' is expanded");
  if (depth > kMaxSchemaDepth)
    return fail("the schema nests deeper than " + std::to_string(kMaxSchemaDepth) + " levels");
  if (node.is_bool()) return;
  const auto* o = node.if_object();
  if (!o)
    return fail("a schema must be an object or a boolean, not " + std::string(kind_name(node)));
  open_.push_back(&node);
  check_keywords(*o);
  if (const auto* ref = o->if_contains("$ref")) follow_ref(*ref, depth);
  for_each_subschema(*o, false, [&](std::string label, const json::value& child) {
    where_.push_back(std::move(label));
    visit(child, depth + 1);
    where_.pop_back();
  });
  open_.pop_back();
}

void Checker::check_keywords(const json::object& o) {
  if (auto problem = container_problem(o)) return fail(*problem);
  if (const auto* type = o.if_contains("type"))
    if (auto problem = type_keyword_problem(*type)) return fail(*problem);
  if (const auto* required = o.if_contains("required")) {
    const auto* list = required->if_array();
    if (!list || !std::all_of(list->begin(), list->end(),
                              [](const json::value& v) { return v.is_string(); }))
      return fail("'required' must be a list of property names");
  }
  if (const auto* pattern = o.if_contains("pattern")) check_pattern(*pattern, "pattern");
  if (const auto* map = o.if_contains("patternProperties"); map && map->is_object())
    for (const auto& member : map->get_object())
      check_pattern(json::value(member.key()), "patternProperties");
}

void Checker::check_pattern(const json::value& pattern, std::string_view label) {
  if (!pattern.is_string()) return fail("'" + std::string(label) + "' must be a string");
  const std::string_view text = pattern.get_string();
  if (text.size() > kMaxPatternLength)
    return fail("a '" + std::string(label) + "' regex is longer than " +
                std::to_string(kMaxPatternLength) + " characters");
  try {
    std::regex compiled{std::string(text)};
  } catch (const std::regex_error& e) {
    fail("'" + std::string(text) + "' is not a valid regular expression (" + e.what() + ")");
  }
}

void Checker::follow_ref(const json::value& ref, std::size_t depth) {
  if (!ref.is_string()) return fail("'$ref' must be a string");
  const std::string_view text = ref.get_string();
  const json::value* target = resolve_local_ref(root_, text);
  if (!target)
    return fail("'$ref' '" + std::string(text) +
                "' does not point inside this schema; only local references like "
                "'#/definitions/name' are supported");
  if (std::find(open_.begin(), open_.end(), target) != open_.end())
    return fail("'$ref' '" + std::string(text) +
                "' refers back to a schema that contains it; recursive schemas are not supported");
  where_.push_back("$ref");
  visit(*target, depth + 1);
  where_.pop_back();
}

// Adds `clause` to the schema's `allOf`, which keeps every other keyword where it was (so
// local `$ref`s still resolve). Fails when `allOf` is malformed; valijson rejects that anyway.
bool append_all_of(json::object& o, json::object clause) {
  auto* existing = o.if_contains("allOf");
  if (existing && !existing->is_array()) return false;
  if (!existing) existing = &(o["allOf"] = json::array());
  existing->get_array().emplace_back(std::move(clause));
  return true;
}

// Replaces `keyword` with: if (input within bound) then keyword, else fail the bound.
void bound_keyword(json::object& o, std::string_view keyword, json::object condition,
                   json::object bound) {
  auto it = o.find(keyword);
  json::object then{{keyword, it->value()}};
  json::object clause{
      {"if", std::move(condition)}, {"then", std::move(then)}, {"else", std::move(bound)}};
  if (append_all_of(o, std::move(clause))) o.erase(o.find(keyword));
}

void harden_keywords(json::object& o) {
  const auto n = static_cast<std::int64_t>(kMaxRegexSubjectLength);
  if (const auto* p = o.if_contains("pattern"); p && p->is_string())
    bound_keyword(o, "pattern", {{"maxLength", n}}, {{"maxLength", n}});
  if (const auto* f = o.if_contains("format")) {
    const bool checked = f->is_string() && std::find(kCheckedFormats.begin(), kCheckedFormats.end(),
                                                     f->get_string()) != kCheckedFormats.end();
    if (checked)
      bound_keyword(o, "format", {{"type", "string"}, {"maxLength", n}}, {{"maxLength", n}});
    else
      o.erase(o.find("format"));  // valijson does not check other formats; it only reads them
  }
  if (const auto* u = o.if_contains("uniqueItems"); u && u->is_bool() && u->get_bool()) {
    const auto m = static_cast<std::int64_t>(kMaxUniqueItems);
    bound_keyword(o, "uniqueItems", {{"maxItems", m}}, {{"maxItems", m}});
  }
}

// Children first, so the clauses added here are never visited (and wrapped) again.
void harden(json::value& node, std::size_t depth, bool& has_pattern_properties) {
  auto* o = node.if_object();
  if (!o || depth > kMaxSchemaDepth) return;
  for_each_subschema(*o, true, [&](const std::string&, json::value& child) {
    harden(child, depth + 1, has_pattern_properties);
  });
  if (o->contains("patternProperties")) has_pattern_properties = true;
  harden_keywords(*o);
}

}  // namespace

std::variant<GuardedSchema, std::string> guard_schema(const json::value& schema) {
  if (auto problem = Checker(schema).run()) return *problem;
  GuardedSchema out{schema, false};
  harden(out.hardened, 0, out.has_pattern_properties);
  return out;
}

}  // namespace hw::spec::detail
