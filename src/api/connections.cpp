#include <boost/json.hpp>

#include <functional>

#include "api/json_io.hpp"
#include "api/services.hpp"
#include "connection/explore_connection.hpp"
#include "connection/test_connection.hpp"
#include "http/error.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"
#include "util/base64.hpp"

namespace hw::api {
namespace {

constexpr const char* kBase = "/data/foundation/flowservice/connections";

// Explore's own parameters, which are not source params.
bool is_explore_parameter(std::string_view name) {
  for (auto p :
       {"objectType", "object", "fileType", "preview", "sourceParams", "sourceConnectionId"})
    if (name == p) return true;
  return false;
}

// The source params to fill the first page with: a source connection's
// (`sourceConnectionId`), Adobe's base64 JSON (`sourceParams`), or plain query parameters.
boost::json::object source_params(Services& s, const http::Context& ctx,
                                  const http::Request& request) {
  if (auto id = request.query_param("sourceConnectionId")) {
    const auto source = s.connections.source_connections.unsealed(ctx.scope, *id);
    const auto* params = source.if_contains("params");
    return params && params->is_object() ? params->get_object() : boost::json::object();
  }
  if (auto encoded = request.query_param("sourceParams")) {
    const auto decoded = util::base64_decode_lenient(*encoded);
    auto parsed = decoded ? json::parse(*decoded) : json::ParseOutcome{};
    if (!parsed.ok || !parsed.value.is_object()) {
      throw http::bad_request("sourceParams must be a JSON object in base64",
                              {{"query.sourceParams", "is not base64 of a JSON object"}});
    }
    return std::move(parsed.value.get_object());
  }
  boost::json::object params;
  for (const auto& [name, value] : request.query)
    if (!is_explore_parameter(name)) params[name] = value;
  return params;
}

http::Response test(Services& s, const http::Context& ctx, const http::Request& req,
                    const std::string& id) {
  const auto result = connection::test_connection(s.connections, s.specs, ctx.scope, id,
                                                  source_params(s, ctx, req));
  if (!result.ok) {
    throw http::ApiError(400, "CONNECTION_TEST_FAILED",
                         "the connection test failed: " + result.reason, {{"auth", result.reason}});
  }
  const boost::json::object body{{"result", true}, {"status", result.status}, {"url", result.url}};
  return json_response(200, hw::json::serialize(body));
}

}  // namespace

void register_connections(http::Router& router, Services& s) {
  register_params_resource(
      router, s, kBase, s.connections.connections,
      std::bind_front(&connection::Resources::remove_connection, &s.connections));
  router.add("GET", std::string(kBase) + "/{id}/explore",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               const auto body = connection::explore_connection(
                   s.connections, s.specs, ctx.scope, p["id"], source_params(s, ctx, req));
               return json_response(200, hw::json::serialize(body));
             }));
  router.add("GET", std::string(kBase) + "/{id}/test",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return test(s, ctx, req, p["id"]);
             }));
}

}  // namespace hw::api
