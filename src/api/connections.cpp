#include <boost/json.hpp>

#include <functional>

#include "api/json_io.hpp"
#include "api/services.hpp"
#include "connection/test_connection.hpp"
#include "http/error.hpp"

namespace hw::api {
namespace {

constexpr const char* kBase = "/data/foundation/flowservice/connections";

// Query parameters stand in for a source connection's params (`?listId=…`).
boost::json::object source_params(const http::Request& request) {
  boost::json::object params;
  for (const auto& [name, value] : request.query) params[name] = value;
  return params;
}

http::Response test(Services& s, const http::Context& ctx, const http::Request& req,
                    const std::string& id) {
  const auto result =
      connection::test_connection(s.connections, s.specs, ctx.scope, id, source_params(req));
  if (!result.ok) {
    throw http::ApiError(400, "CONNECTION_TEST_FAILED",
                         "the connection test failed: " + result.reason, {{"auth", result.reason}});
  }
  const boost::json::object body{{"result", true}, {"status", result.status}, {"url", result.url}};
  return json_response(200, boost::json::serialize(body));
}

}  // namespace

void register_connections(http::Router& router, Services& s) {
  register_params_resource(
      router, s, kBase, s.connections.connections,
      std::bind_front(&connection::Resources::remove_connection, &s.connections));
  router.add("GET", std::string(kBase) + "/{id}/test",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return test(s, ctx, req, p["id"]);
             }));
}

}  // namespace hw::api
