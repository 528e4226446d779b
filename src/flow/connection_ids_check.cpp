#include <boost/json.hpp>

#include <algorithm>

#include "flow/flow_check_parts.hpp"

namespace hw::flow::detail {
namespace {

// One of a flow's two lists of connections, and where its flow spec allows their specs.
struct ConnectionList {
  std::string_view key;       // in the flow
  std::string_view kind;      // in the store
  std::string_view noun;      // in messages
  std::string_view spec_ids;  // in the flow spec
};

constexpr ConnectionList kSources{"sourceConnectionIds", "sourceConnections", "source connection",
                                  "sourceConnectionSpecIds"};
constexpr ConnectionList kTargets{"targetConnectionIds", "targetConnections", "target connection",
                                  "targetConnectionSpecIds"};

bool lists(const FlowSpec& flow_spec, std::string_view key, std::string_view spec_id) {
  const auto* ids = flow_spec.body.if_contains(key);
  if (!ids || !ids->is_array()) return false;
  const auto& array = ids->get_array();
  return std::any_of(array.begin(), array.end(), [&](const boost::json::value& id) {
    return id.is_string() && id.get_string() == spec_id;
  });
}

// The connection spec the stored connection uses, or empty.
std::string spec_of(const store::Document& connection) {
  const auto body = boost::json::parse(connection.body).as_object();
  const auto* ref = object_at(body, "connectionSpec");
  const auto* id = ref ? ref->if_contains("id") : nullptr;
  return id && id->is_string() ? std::string(id->get_string()) : std::string();
}

// The fix is the documented way to register a source: the flow spec's own PUT.
std::string not_allowed(const ConnectionList& list, std::string_view id, std::string_view spec_id,
                        const FlowSpec& flow_spec) {
  return std::string(list.noun) + " '" + std::string(id) + "' uses connection spec '" +
         std::string(spec_id) + "', which flow spec '" + flow_spec.name + "' does not list in " +
         std::string(list.spec_ids) +
         "; add it there: GET /data/foundation/flowservice/flowSpecs/" + flow_spec.id +
         ", append '" + std::string(spec_id) + "' to " + std::string(list.spec_ids) +
         " and PUT it back with If-Match";
}

void check_one(store::Store& store, const store::Scope& scope, const ConnectionList& list,
               const boost::json::value& id, const std::string& path, const FlowSpec* flow_spec,
               std::vector<spec::Issue>& errors) {
  if (!id.is_string()) {
    errors.push_back({path, "must be the id of a " + std::string(list.noun) + " (a string)"});
    return;
  }
  const auto connection = store.get(list.kind, scope, id.get_string());
  if (!connection) {
    errors.push_back({path, "no " + std::string(list.noun) + " '" + std::string(id.get_string()) +
                                "' exists in this organization and sandbox"});
    return;
  }
  const std::string spec_id = spec_of(*connection);
  if (flow_spec && !lists(*flow_spec, list.spec_ids, spec_id)) {
    errors.push_back({path, not_allowed(list, id.get_string(), spec_id, *flow_spec)});
  }
}

void check_list(store::Store& store, const store::Scope& scope, const boost::json::object& body,
                const ConnectionList& list, const FlowSpec* flow_spec,
                std::vector<spec::Issue>& errors) {
  const std::string key(list.key);
  const auto* ids = body.if_contains(list.key);
  if (!ids || !ids->is_array() || ids->get_array().empty()) {
    errors.push_back({key, "a non-empty array of " + std::string(list.noun) + " ids is required"});
    return;
  }
  const auto& array = ids->get_array();
  for (std::size_t i = 0; i < array.size(); ++i)
    check_one(store, scope, list, array[i], spec::index_path(key, i), flow_spec, errors);
}

}  // namespace

void check_connection_ids(store::Store& store, const store::Scope& scope,
                          const boost::json::object& body, const FlowSpec* flow_spec,
                          std::vector<spec::Issue>& errors) {
  check_list(store, scope, body, kSources, flow_spec, errors);
  check_list(store, scope, body, kTargets, flow_spec, errors);
}

}  // namespace hw::flow::detail
