#include "spec/rules/rules.hpp"

namespace hw::spec::rules {
namespace {

void check_expression(const json::value& expression, const std::string& path, Report& report) {
  if (!expression.is_string()) return;
  if (auto problem = jsonpath_problem(expression.get_string())) report.error(path, *problem);
}

// contentPath and explodeEntityPath: a JSONPath string, or an object whose `path` is one.
void check_record_path(const Spec& spec, std::string_view key, std::string_view example,
                       Report& report) {
  const std::string path = path_of(kAttributesPath, key);
  const auto* value = value_at(spec.attributes, key);
  if (!value || value->is_string()) {
    if (value) check_expression(*value, path, report);
    return;
  }
  const auto* object = value->if_object();
  if (!object) return;
  if (const auto* inner = object->if_contains("path"))
    check_expression(*inner, path_of(path, "path"), report);
  else
    report.error(path_of(path, "path"),
                 "is required: the JSONPath of the records, e.g. \"" + std::string(example) + "\"");
  if (object->contains("skipAttributes") && object->contains("keepAttributes"))
    report.warn(path, "sets both 'skipAttributes' and 'keepAttributes'; keep only one of them");
}

}  // namespace

void check_record_paths(const Spec& spec, Report& report) {
  if (!spec.attributes) return;
  if (!spec.attributes->contains("contentPath"))
    report.error(path_of(kAttributesPath, "contentPath"),
                 "a batch source needs 'contentPath': the JSONPath of the record array in each "
                 "response, e.g. \"$.items\"; use \"$\" when the body itself is the array");
  check_record_path(spec, "contentPath", "$.items", report);
  check_record_path(spec, "explodeEntityPath", "$.item.activity", report);
}

}  // namespace hw::spec::rules
