#include <functional>

#include "api/services.hpp"

namespace hw::api {

void register_target_connections(http::Router& router, Services& s) {
  register_params_resource(
      router, s, "/data/foundation/flowservice/targetConnections", s.connections.target_connections,
      std::bind_front(&connection::Resources::remove_target_connection, &s.connections));
}

}  // namespace hw::api
