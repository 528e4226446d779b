#include "engine/extract/record_schema.hpp"

#include <boost/json.hpp>

#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

// A record with many problems is still one failed line of bounded size.
constexpr std::size_t kMaxProblems = 10;

[[noreturn]] void invalid(const std::string& why) {
  throw RunError("INVALID_SPEC", "sourceSpec.schema " + why);
}

const boost::json::object* object_in(const boost::json::value* v) {
  return v ? v->if_object() : nullptr;
}

const boost::json::object& found(const boost::json::object* node, const std::string& where) {
  if (!node) invalid("has no object at '" + where + "' to check contentPath's records against");
  return *node;
}

const boost::json::object& items_of(const boost::json::object& node, std::string& where) {
  where += where.empty() ? "items" : ".items";
  return found(object_in(node.if_contains("items")), where);
}

// The subschema of one record, with the root's definitions so that local `$ref`s still
// resolve from its new root.
boost::json::object record_schema(const boost::json::object& root,
                                  const jsonpath::Path& content_path) {
  using Kind = jsonpath::Selector::Kind;
  const boost::json::object* node = &root;  // never null: `found` throws first
  std::string where;                        // below the schema's root, for the message
  const auto& segments = content_path.segments();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    const Kind kind = s.selectors.size() == 1 ? s.selectors[0].kind : Kind::slice;
    const bool last = i + 1 == segments.size();
    if (s.descendant || kind == Kind::slice || (kind == Kind::wildcard && !last))
      invalid("cannot be matched to contentPath " + content_path.to_string() +
              ": only names and indexes can be followed through a schema");
    if (kind == Kind::wildcard) break;  // `$.a[*]` reads like `$.a`
    if (kind == Kind::index) {
      node = &items_of(*node, where);
      continue;
    }
    where += (where.empty() ? "properties." : ".properties.") + s.selectors[0].name;
    const auto* properties = object_in(node->if_contains("properties"));
    node = &found(properties ? object_in(properties->if_contains(s.selectors[0].name)) : nullptr,
                  where);
  }
  boost::json::object out = items_of(*node, where);
  for (std::string_view key : {"definitions", "$defs"})
    if (const auto* defs = root.if_contains(key); defs && !out.contains(key)) out[key] = *defs;
  return out;
}

std::string json_path(const std::string& dotted) {
  if (dotted == "$") return dotted;
  return dotted.starts_with('[') ? "$" + dotted : "$." + dotted;
}

}  // namespace

std::optional<RecordSchema> RecordSchema::from(const boost::json::value* schema,
                                               const jsonpath::Path& content_path) {
  if (!schema || schema->is_null()) return std::nullopt;
  if (!schema->is_object()) invalid("must be an object (a draft-07 JSON Schema)");
  auto compiled = spec::CompiledSchema::compile(record_schema(schema->get_object(), content_path));
  if (auto* problem = std::get_if<std::string>(&compiled)) invalid(*problem);
  return RecordSchema(std::move(std::get<spec::CompiledSchema>(compiled)));
}

std::string RecordSchema::violations(const boost::json::value& record) const {
  const auto report = compiled_.validate(record, "$");
  std::string out;
  for (std::size_t i = 0; i < report.errors.size() && i < kMaxProblems; ++i) {
    if (!out.empty()) out += "; ";
    out += json_path(report.errors[i].path) + ": " + report.errors[i].message;
  }
  if (report.errors.size() > kMaxProblems)
    out += "; and " + std::to_string(report.errors.size() - kMaxProblems) + " more";
  return out;
}

}  // namespace hw::engine
