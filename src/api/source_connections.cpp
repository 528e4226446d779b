#include <functional>

#include "api/services.hpp"

namespace hw::api {

void register_source_connections(http::Router& router, Services& s) {
  register_params_resource(
      router, s, "/data/foundation/flowservice/sourceConnections", s.connections.source_connections,
      std::bind_front(&connection::Resources::remove_source_connection, &s.connections));
}

}  // namespace hw::api
