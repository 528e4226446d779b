#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "spec/builtin_ids.hpp"

namespace hw::connection {

ParamsCheck check_target_connection(spec::SpecRegistry& specs, store::Store& store,
                                    const store::Scope& scope, const boost::json::object& body) {
  ParamsCheck check;
  detail::require_name(body, check.errors);
  const auto resolved = detail::resolve_spec(specs, scope, body, check.errors);
  if (!resolved) return check;
  if (resolved->kind != spec::SpecKind::target) {
    check.errors.push_back({"connectionSpec.id", "is not a target spec; use the data lake (" +
                                                     std::string(spec::kDataLakeSpec) + ")"});
    return check;
  }
  const auto* target_spec = resolved->spec.if_contains("targetSpec");
  const auto* schema = target_spec && target_spec->is_object()
                           ? target_spec->get_object().if_contains("spec")
                           : nullptr;
  detail::check_params(body, "params", "params",
                       schema && schema->is_object() ? &schema->get_object() : nullptr, check);
  const auto* params = body.if_contains("params");
  const auto* dataset =
      params && params->is_object() ? params->get_object().if_contains("dataSetId") : nullptr;
  if (dataset && dataset->is_string() && !store.get("dataSets", scope, dataset->get_string())) {
    check.errors.push_back({"params.dataSetId",
                            "no dataset '" + std::string(dataset->get_string()) +
                                "' exists; create it with POST /data/foundation/catalog/dataSets"});
  }
  return check;
}

}  // namespace hw::connection
