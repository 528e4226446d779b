#include "spec/rules/rules.hpp"
#include "spec/schema_check.hpp"

namespace hw::spec::rules {
namespace {

// Connections are checked against these schemas later, so a broken one must fail now.
void check_schema_at(const json::object* parent, std::string_view parent_path, Report& report) {
  const auto* schema = value_at(parent, "spec");
  if (!schema || !schema->is_object()) return;
  if (auto problem = schema_problem(*schema)) report.error(path_of(parent_path, "spec"), *problem);
}

}  // namespace

void check_param_schemas(const Spec& spec, Report& report) {
  check_schema_at(spec.source_spec, "sourceSpec", report);
  check_schema_at(object_at(&spec.root, "targetSpec"), "targetSpec", report);
}

}  // namespace hw::spec::rules
