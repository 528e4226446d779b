#include "engine/extract/explode.hpp"
#include "engine/extract/record_schema.hpp"
#include "engine/run_error.hpp"
#include "spec/rules/rules.hpp"

namespace hw::spec::rules {
namespace {

// contentPath as a string or {path, overrideWrapperAttribute}.
struct ContentPath {
  std::string text = "$";
  std::string wrapper;
};

ContentPath content_path(const json::object& attributes) {
  ContentPath out;
  const auto* value = attributes.if_contains("contentPath");
  if (value && value->is_string()) out.text = value->get_string();
  if (const auto* object = value ? value->if_object() : nullptr) {
    if (auto path = string_at(object, "path")) out.text = *path;
    if (auto wrapper = string_at(object, "overrideWrapperAttribute")) out.wrapper = *wrapper;
  }
  return out;
}

}  // namespace

// explodeEntityPath and sourceSpec.schema, checked by the very code a run uses: a spec the
// engine would refuse at its first run is refused when it is registered.
void check_record_shaping(const Spec& spec, Report& report) {
  if (!spec.attributes) return;
  const auto content = content_path(*spec.attributes);
  try {
    engine::Explode::from(*spec.attributes, content.wrapper);
  } catch (const engine::RunError& e) {
    report.error(path_of(kAttributesPath, "explodeEntityPath"), e.what());
  }
  const auto* schema = value_at(spec.source_spec, "schema");
  auto parsed = jsonpath::parse(content.text);
  if (!schema || !parsed) return;  // a contentPath that does not parse is check_record_paths'
  try {
    engine::RecordSchema::from(schema, *parsed.path);
  } catch (const engine::RunError& e) {
    report.error("sourceSpec.schema", e.what());
  }
}

}  // namespace hw::spec::rules
