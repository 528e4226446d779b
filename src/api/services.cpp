#include "api/services.hpp"

namespace hw::api {

http::Handler scoped(Services& services, ScopedHandler handler) {
  return [&services, handler = std::move(handler)](const http::Request& request,
                                                   const http::Params& params) {
    const http::Context context = http::authenticate(request, services.policy);
    services.specs.ensure_builtins(context.scope);
    return handler(context, request, params);
  };
}

void register_routes(http::Router& router, Services& services) {
  register_health(router, services);
  register_connection_specs(router, services);
  register_connection_spec_icons(router, services);
  register_flow_specs(router, services);
  register_datasets(router, services);
  register_batches(router, services);
  register_data_access(router, services);
  register_connections(router, services);
  register_source_connections(router, services);
  register_target_connections(router, services);
  register_flows(router, services);
  register_mapping_sets(router, services);
  register_runs(router, services);
  register_collection(router, services);
}

}  // namespace hw::api
