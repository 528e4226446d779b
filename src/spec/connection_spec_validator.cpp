#include "spec/connection_spec_validator.hpp"

#include "json/parse.hpp"
#include "spec/rules/rules.hpp"
#include "spec/schema_check.hpp"
#include "util/resources.hpp"

#include <array>
#include <variant>

namespace hw::spec {
namespace {

using Rule = void (*)(const rules::Spec&, Report&);

constexpr std::array<Rule, 5> kEveryKind = {rules::check_family, rules::check_auth_spec,
                                            rules::check_param_schemas, rules::check_category,
                                            rules::check_unknown_keys};
constexpr std::array<Rule, 6> kBatchOnly = {
    rules::check_request_parts,  rules::check_placeholders, rules::check_record_paths,
    rules::check_record_shaping, rules::check_pagination,   rules::check_schedule_params};

constexpr std::string_view kShapeSchema = "schemas/connection_spec.schema.json";

std::variant<CompiledSchema, std::string> load_shape_schema() {
  const auto text = resources::find(kShapeSchema);
  if (!text) return std::string("is missing from the build");
  const auto parsed = hw::json::parse(*text);
  if (!parsed.ok) return parsed.error;
  return CompiledSchema::compile(parsed.value);
}

// Parsed once, on first use; C++ guarantees the initialization is thread-safe.
const std::variant<CompiledSchema, std::string>& shape_schema() {
  static const auto schema = load_shape_schema();
  return schema;
}

Report check_shape(const boost::json::value& doc) {
  const auto& schema = shape_schema();
  if (const auto* compiled = std::get_if<CompiledSchema>(&schema))
    return compiled->validate(doc, "$");
  Report report;
  report.error("$", "cannot be checked: the built-in " + std::string(kShapeSchema) + " " +
                        std::get<std::string>(schema));
  return report;
}

void check_semantics(const boost::json::object& root, bool listed, Report& report) {
  const rules::Spec spec = rules::make_spec(root, listed);
  for (Rule rule : kEveryKind) rule(spec, report);
  if (!spec.batch()) return;
  for (Rule rule : kBatchOnly) rule(spec, report);
}

}  // namespace

Report validate_connection_spec(const boost::json::value& doc, bool listed_in_streaming_flow_spec) {
  try {
    Report report = check_shape(doc);
    if (const auto* root = doc.if_object())
      check_semantics(*root, listed_in_streaming_flow_spec, report);
    return report;
  } catch (const std::exception& e) {
    Report report;
    report.error("$", std::string("could not be validated: ") + e.what());
    return report;
  }
}

}  // namespace hw::spec
