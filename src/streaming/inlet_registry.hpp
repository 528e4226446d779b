#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "connection/resources.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"
#include "streaming/stream_flow.hpp"

namespace hw::streaming {

// How an inlet authenticates its requests (DESIGN §5).
enum class InletAuth {
  hmac,    // "HMAC Authentication": x-hmac-sha256 under secret (or previousSecret)
  bearer,  // a bearer token the server accepts for the connection's org
  open,    // only with an explicit authenticationRequired: false
};

// A streaming connection's inlet, with what a request to it needs, read once and kept.
struct Inlet {
  std::string id;
  store::Scope scope;
  std::string connection_id;
  InletAuth auth = InletAuth::bearer;
  std::string secret;
  std::optional<std::string> previous_secret;
  std::vector<StreamFlow> enabled_flows;  // where its events go; none: 409
};

// Finds inlets by id for the collection endpoints, across every (org, sandbox). The inlets
// are cached: the resources they are made of report their writes through changed().
// Thread-safe.
class InletRegistry {
 public:
  InletRegistry(store::Store& store, spec::SpecRegistry& specs, connection::Resources& connections);

  // Indexes every connection that has an inlet; on startup.
  void load();
  // The inlet `inlet_id`, or null when no connection has it.
  std::shared_ptr<const Inlet> find(std::string_view inlet_id);
  // A connection, source connection or flow was written or removed.
  void changed(std::string_view kind, const store::Scope& scope, std::string_view id);

 private:
  struct Location {
    store::Scope scope;
    std::string connection_id;
  };
  void index(const store::Scope& scope, std::string_view connection_id, const std::string& body);
  std::shared_ptr<const Inlet> build(const std::string& inlet_id, const Location& at) const;

  store::Store& store_;
  spec::SpecRegistry& specs_;
  connection::Resources& connections_;
  std::mutex mutex_;
  std::unordered_map<std::string, Location> locations_;  // by inlet id
  std::unordered_map<std::string, std::shared_ptr<const Inlet>> cache_;
  std::uint64_t generation_ = 0;  // of the cache: changed() bumps it
};

}  // namespace hw::streaming
