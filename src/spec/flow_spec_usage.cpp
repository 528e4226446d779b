#include "spec/flow_spec_usage.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <string>

#include "json/access.hpp"

namespace hw::spec {
namespace {

struct Side {
  std::string_view spec_ids;     // in the flow spec
  std::string_view connections;  // the kind of connection that names the spec
  std::string_view flow_field;   // in a flow, the ids of those connections
};

constexpr std::array<Side, 2> kSides{{
    {"sourceConnectionSpecIds", "sourceConnections", "sourceConnectionIds"},
    {"targetConnectionSpecIds", "targetConnections", "targetConnectionIds"},
}};

std::vector<std::string> strings_at(const boost::json::object& object, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* list = object.if_contains(key); list && list->is_array())
    for (const auto& v : list->get_array())
      if (v.is_string()) out.emplace_back(v.get_string());
  return out;
}

bool of_flow_spec(store::Store& store, const store::Scope& scope, const std::string& flow_id,
                  std::string_view flow_spec_id) {
  const auto flow = store.get("flows", scope, flow_id);
  if (!flow) return false;
  const auto body = boost::json::parse(flow->body);
  return json::string_at(json::object_at(body.as_object(), "flowSpec"), "id") == flow_spec_id;
}

void add_users(store::Store& store, const store::Scope& scope, std::string_view flow_spec_id,
               const Side& side, const std::string& spec_id, std::vector<Issue>& users) {
  for (const auto& connection :
       store.referencing(side.connections, scope, "connectionSpec.id", spec_id)) {
    for (const auto& flow : store.referencing("flows", scope, side.flow_field, connection)) {
      if (!of_flow_spec(store, scope, flow, flow_spec_id)) continue;
      users.push_back({"flows/" + flow + "." + std::string(side.flow_field),
                       "uses connection spec '" + spec_id + "' through " +
                           std::string(side.connections) + "/" + connection});
    }
  }
}

}  // namespace

std::vector<Issue> flows_using_dropped_specs(store::Store& store, const store::Scope& scope,
                                             std::string_view flow_spec_id,
                                             const boost::json::object& before,
                                             const boost::json::object& after) {
  std::vector<Issue> users;
  for (const auto& side : kSides) {
    const auto kept = strings_at(after, side.spec_ids);
    for (const auto& spec_id : strings_at(before, side.spec_ids))
      if (std::find(kept.begin(), kept.end(), spec_id) == kept.end())
        add_users(store, scope, flow_spec_id, side, spec_id, users);
  }
  return users;
}

}  // namespace hw::spec
