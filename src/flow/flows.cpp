#include "flow/flows.hpp"

#include "flow/flow_check.hpp"

namespace hw::flow {

Flows::Flows(store::Store& store, const crypto::SecretBox& box, spec::SpecRegistry& specs)
    : ParamsResource(store, box, "flows", "flow", {"options"},
                     {"flowSpec", "state", "sourceConnectionIds", "targetConnectionIds"},
                     [&specs, &store](const store::Scope& scope, const boost::json::object& body) {
                       return check_flow(specs, store, scope, body);
                     }) {}

void Flows::remove(const store::Scope& scope, std::string_view id,
                   std::optional<std::string_view> if_match) {
  documents().remove(scope, id, if_match);
  changed(scope, id);
}

}  // namespace hw::flow
