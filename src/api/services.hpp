#pragma once
#include <chrono>
#include <functional>

#include "connection/resources.hpp"
#include "dataset/batch_writer.hpp"
#include "flow/flows.hpp"
#include "http/metrics.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "run/runs.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"
#include "streaming/ingest_log.hpp"
#include "streaming/inlet_registry.hpp"

namespace hw::api {

// What the API handlers reach: each handler parses, calls one of these, renders.
struct Services {
  store::Store& store;
  spec::SpecRegistry& specs;
  connection::Resources& connections;
  flow::Flows& flows;
  http::Metrics& metrics;
  dataset::Batches& batches;
  run::Runs& runs;
  streaming::InletRegistry& inlets;
  streaming::IngestLog& ingest_log;
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
// GET/PUT …/connectionSpecs/{id}/icon: the icon `headwater source register` uploads.
void register_connection_spec_icons(http::Router& router, Services& services);
void register_flow_specs(http::Router& router, Services& services);
void register_datasets(http::Router& router, Services& services);
void register_batches(http::Router& router, Services& services);
void register_data_access(http::Router& router, Services& services);
void register_connections(http::Router& router, Services& services);
void register_source_connections(http::Router& router, Services& services);
void register_target_connections(http::Router& router, Services& services);
void register_flows(http::Router& router, Services& services);
void register_mapping_sets(http::Router& router, Services& services);
void register_runs(http::Router& router, Services& services);
// The streaming inlets: their own auth (DESIGN §5), not the API's headers.
void register_collection(http::Router& router, Services& services);

// GET list, POST, GET by id, PATCH and DELETE for a resource with params (DESIGN §2:
// create answers {"id","etag"}; PATCH takes JSON Patch operations and honours If-Match).
using Remover =
    std::function<void(const store::Scope&, std::string_view, std::optional<std::string_view>)>;
void register_params_resource(http::Router& router, Services& services, const std::string& base,
                              connection::ParamsResource& resource, Remover remove);
// {"id","etag"} and the ETag header: how writes of those resources answer.
http::Response written_response(int status, const connection::ParamsResource::Written& written);

}  // namespace hw::api
