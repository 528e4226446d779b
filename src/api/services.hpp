#pragma once
#include <chrono>
#include <functional>

#include "connection/resources.hpp"
#include "http/metrics.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"

namespace hw::api {

// What the API handlers reach: each handler parses, calls one of these, renders.
struct Services {
  store::Store& store;
  spec::SpecRegistry& specs;
  connection::Resources& connections;
  http::Metrics& metrics;
  http::AccessPolicy policy;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

using ScopedHandler =
    std::function<http::Response(const http::Context&, const http::Request&, const http::Params&)>;

// Authenticates (DESIGN §2), makes sure the scope has its built-ins, then runs `handler`.
http::Handler scoped(Services& services, ScopedHandler handler);

void register_routes(http::Router& router, Services& services);
void register_health(http::Router& router, Services& services);
void register_connection_specs(http::Router& router, Services& services);
void register_flow_specs(http::Router& router, Services& services);
void register_datasets(http::Router& router, Services& services);
void register_connections(http::Router& router, Services& services);
void register_source_connections(http::Router& router, Services& services);
void register_target_connections(http::Router& router, Services& services);

// GET list, POST, GET by id, PATCH and DELETE for a resource with params (DESIGN §2:
// create answers {"id","etag"}; PATCH takes JSON Patch operations and honours If-Match).
using Remover = void (connection::Resources::*)(const store::Scope&, std::string_view,
                                                std::optional<std::string_view>);
void register_params_resource(http::Router& router, Services& services, const std::string& base,
                              connection::ParamsResource& resource, Remover remove);

}  // namespace hw::api
