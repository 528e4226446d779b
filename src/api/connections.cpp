#include <functional>

#include "api/services.hpp"

namespace hw::api {

void register_connections(http::Router& router, Services& s) {
  register_params_resource(
      router, s, "/data/foundation/flowservice/connections", s.connections.connections,
      std::bind_front(&connection::Resources::remove_connection, &s.connections));
}

}  // namespace hw::api
