#pragma once
#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "spec/issue.hpp"
#include "store/store.hpp"

// The parts of check_flow that look beyond the flow's own body.
namespace hw::flow::detail {

// The flow spec a dataflow names, as stored.
struct FlowSpec {
  std::string id;
  std::string name;
  boost::json::object body;
};

inline const boost::json::object* object_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? v->if_object() : nullptr;
}

// `sourceConnectionIds` and `targetConnectionIds`: non-empty lists of existing connections
// whose connection specs `flow_spec` (when resolved) lists.
void check_connection_ids(store::Store& store, const store::Scope& scope,
                          const boost::json::object& body, const FlowSpec* flow_spec,
                          std::vector<spec::Issue>& errors);

// `transformations`: each names one of the flow spec's transformationSpecs and satisfies its
// schema; a Mapping names an existing mapping set.
void check_transformations(store::Store& store, const store::Scope& scope,
                           const boost::json::object& body, const FlowSpec& flow_spec,
                           std::vector<spec::Issue>& errors);

}  // namespace hw::flow::detail
