#include "streaming/inlet_registry.hpp"

#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "json/access.hpp"

namespace hw::streaming {
namespace {

std::string inlet_id_of(const boost::json::object& connection) {
  return json::string_at(json::object_at(json::object_at(connection, "auth"), "params"), "inletId");
}

// The auth method from the type of the connection's authSpec entry; unknown types ask for
// a bearer token, so only what says so explicitly is open.
InletAuth auth_of(spec::SpecRegistry& specs, const store::Scope& scope,
                  const boost::json::object& connection) {
  const auto& auth = json::object_at(connection, "auth");
  const auto spec =
      specs.resolve(scope, json::string_at(json::object_at(connection, "connectionSpec"), "id"));
  const auto entry =
      spec ? connection::find_auth_spec(*spec, json::string_at(auth, "specName")) : std::nullopt;
  if (entry && json::string_at(*entry, "type") == "HMAC") return InletAuth::hmac;
  const auto* required = json::object_at(auth, "params").if_contains("authenticationRequired");
  if (required && required->is_bool() && !required->get_bool()) return InletAuth::open;
  return InletAuth::bearer;
}

}  // namespace

InletRegistry::InletRegistry(store::Store& store, spec::SpecRegistry& specs,
                             connection::Resources& connections)
    : store_(store), specs_(specs), connections_(connections) {}

void InletRegistry::load() {
  for (const auto& connection : store_.scan("connections"))
    index(connection.scope, connection.doc.id, connection.doc.body);
}

void InletRegistry::index(const store::Scope& scope, std::string_view connection_id,
                          const std::string& body) {
  const std::string inlet_id = inlet_id_of(boost::json::parse(body).as_object());
  if (inlet_id.empty()) return;
  std::lock_guard lock(mutex_);
  locations_[inlet_id] = {scope, std::string(connection_id)};
}

void InletRegistry::changed(std::string_view kind, const store::Scope& scope, std::string_view id) {
  if (kind == "connections") {
    if (const auto doc = store_.get("connections", scope, id)) {
      index(scope, id, doc->body);
    } else {
      std::lock_guard lock(mutex_);
      std::erase_if(locations_, [&](const auto& entry) {
        const Location& at = entry.second;
        return at.connection_id == id && at.scope.org == scope.org &&
               at.scope.sandbox == scope.sandbox;
      });
    }
  }
  // Which inlets a source connection or flow feeds is not worth working out: writes of
  // these are rare next to events, and each inlet is rebuilt on its next request.
  std::lock_guard lock(mutex_);
  cache_.clear();
  ++generation_;
}

std::shared_ptr<const Inlet> InletRegistry::find(std::string_view inlet_id) {
  const std::string key(inlet_id);
  Location at;
  std::uint64_t generation;
  {
    std::lock_guard lock(mutex_);
    generation = generation_;
    if (auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
    auto location = locations_.find(key);
    if (location == locations_.end()) return nullptr;
    at = location->second;
  }
  auto inlet = build(key, at);
  std::lock_guard lock(mutex_);
  // A change while building made `inlet` stale: serve it this once, do not keep it.
  if (generation == generation_) cache_.try_emplace(key, inlet);
  return inlet;
}

std::shared_ptr<const Inlet> InletRegistry::build(const std::string& inlet_id,
                                                  const Location& at) const {
  if (!store_.get("connections", at.scope, at.connection_id)) return nullptr;
  const auto connection = connections_.connections.unsealed(at.scope, at.connection_id);
  auto inlet = std::make_shared<Inlet>();
  inlet->id = inlet_id;
  inlet->scope = at.scope;
  inlet->connection_id = at.connection_id;
  inlet->auth = auth_of(specs_, at.scope, connection);
  const auto& params = json::object_at(json::object_at(connection, "auth"), "params");
  inlet->secret = json::string_at(params, "secret");
  if (auto previous = json::string_at(params, "previousSecret"); !previous.empty())
    inlet->previous_secret = std::move(previous);
  for (auto& flow : stream_flows_of(store_, specs_, at.scope, at.connection_id))
    if (flow.enabled) inlet->enabled_flows.push_back(std::move(flow));
  return inlet;
}

}  // namespace hw::streaming
