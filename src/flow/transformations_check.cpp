#include <boost/json.hpp>

#include "flow/flow_check_parts.hpp"
#include "spec/schema_check.hpp"

namespace hw::flow::detail {
namespace {

// The transformation the engine applies with a Data Prep mapping set.
constexpr std::string_view kMapping = "Mapping";

const boost::json::array& transformation_specs(const FlowSpec& flow_spec) {
  static const boost::json::array kNone;
  const auto* specs = flow_spec.body.if_contains("transformationSpecs");
  return specs && specs->is_array() ? specs->get_array() : kNone;
}

const boost::json::object* find_spec(const FlowSpec& flow_spec, std::string_view name) {
  for (const auto& entry : transformation_specs(flow_spec)) {
    const auto* object = entry.if_object();
    const auto* entry_name = object ? object->if_contains("name") : nullptr;
    if (entry_name && entry_name->is_string() && entry_name->get_string() == name) return object;
  }
  return nullptr;
}

std::string names_of(const FlowSpec& flow_spec) {
  std::string out;
  for (const auto& entry : transformation_specs(flow_spec)) {
    const auto* object = entry.if_object();
    const auto* name = object ? object->if_contains("name") : nullptr;
    if (!name || !name->is_string()) continue;
    out += (out.empty() ? "'" : ", '") + std::string(name->get_string()) + "'";
  }
  return out.empty() ? "none (it defines no transformationSpecs)" : out;
}

void check_mapping_set(store::Store& store, const store::Scope& scope,
                       const boost::json::object* params, const std::string& path,
                       std::vector<spec::Issue>& errors) {
  const auto* id = params ? params->if_contains("mappingId") : nullptr;
  if (!id) {
    errors.push_back({path,
                      "a Mapping needs the id of a mapping set; create one with "
                      "POST /data/foundation/conversion/mappingSets"});
  } else if (id->is_string() && !store.get("mappingSets", scope, id->get_string())) {
    errors.push_back({path, "no mapping set '" + std::string(id->get_string()) +
                                "' exists in this organization and sandbox; create it with "
                                "POST /data/foundation/conversion/mappingSets"});
  }
}

// An entry's params, once its name has picked its transformation spec.
void check_params(store::Store& store, const store::Scope& scope, const boost::json::object& entry,
                  const boost::json::object& transformation_spec, const std::string& path,
                  std::vector<spec::Issue>& errors) {
  static const boost::json::value kEmpty = boost::json::object();
  const std::string params_path = spec::child_path(path, "params");
  const auto* params = entry.if_contains("params");
  if (params && !params->is_object()) {
    errors.push_back({params_path, "must be an object"});
    return;
  }
  if (const auto* schema = transformation_spec.if_contains("spec")) {
    auto report = spec::validate_instance(*schema, params ? *params : kEmpty, params_path);
    for (auto& issue : report.errors) errors.push_back(std::move(issue));
  }
  if (transformation_spec.at("name").get_string() == kMapping) {
    check_mapping_set(store, scope, params ? &params->get_object() : nullptr,
                      spec::child_path(params_path, "mappingId"), errors);
  }
}

void check_entry(store::Store& store, const store::Scope& scope, const boost::json::value& entry,
                 const std::string& path, const FlowSpec& flow_spec,
                 std::vector<spec::Issue>& errors) {
  const auto* object = entry.if_object();
  if (!object) {
    errors.push_back({path, "must be an object {\"name\": …, \"params\": {…}}"});
    return;
  }
  const auto* name = object->if_contains("name");
  const std::string name_path = spec::child_path(path, "name");
  if (!name || !name->is_string()) {
    errors.push_back({name_path, "is required: one of " + names_of(flow_spec)});
    return;
  }
  const auto* transformation_spec = find_spec(flow_spec, name->get_string());
  if (!transformation_spec) {
    errors.push_back({name_path, "'" + std::string(name->get_string()) +
                                     "' is not a transformation of flow spec '" + flow_spec.name +
                                     "'; use one of " + names_of(flow_spec)});
    return;
  }
  check_params(store, scope, *object, *transformation_spec, path, errors);
}

}  // namespace

void check_transformations(store::Store& store, const store::Scope& scope,
                           const boost::json::object& body, const FlowSpec& flow_spec,
                           std::vector<spec::Issue>& errors) {
  const auto* transformations = body.if_contains("transformations");
  if (!transformations) return;
  if (!transformations->is_array()) {
    errors.push_back({"transformations", "must be an array of {name, params} objects"});
    return;
  }
  const auto& list = transformations->get_array();
  for (std::size_t i = 0; i < list.size(); ++i)
    check_entry(store, scope, list[i], spec::index_path("transformations", i), flow_spec, errors);
}

}  // namespace hw::flow::detail
