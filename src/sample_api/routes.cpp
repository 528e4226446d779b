#include "sample_api/routes.hpp"

#include <boost/json.hpp>

#include <variant>

#include "json/serialize.hpp"
#include "sample_api/basic_auth.hpp"
#include "sample_api/contact_query.hpp"
#include "sample_api/contacts.hpp"

namespace hw::sample_api {
namespace {

http::Response json_response(int status, const boost::json::object& body) {
  http::Response response;
  response.status = status;
  response.body = hw::json::serialize(body);
  return response;
}

http::Response error(int status, std::string message) {
  return json_response(status, {{"error", std::move(message)}});
}

http::Response unauthorized() {
  auto response = error(401, "invalid credentials");
  response.headers.emplace_back("WWW-Authenticate", "Basic realm=\"sample\"");
  return response;
}

// Wraps a handler so that it runs only for the demo user.
http::Handler authenticated(http::Handler handler) {
  return [handler = std::move(handler)](const http::Request& request, const http::Params& params) {
    if (!has_basic_credentials(request, kUsername, kPassword)) return unauthorized();
    return handler(request, params);
  };
}

http::Response me(const http::Request&, const http::Params&) {
  return json_response(200, {{"user", kUsername}});
}

http::Handler list_contacts(std::size_t count) {
  return [count](const http::Request& request, const http::Params&) {
    auto query = parse_contact_query(request.query);
    if (auto* message = std::get_if<std::string>(&query)) return error(400, std::move(*message));
    http::Response response;
    response.body = to_json(find_contacts(count, std::get<ContactQuery>(query)));
    return response;
  };
}

}  // namespace

void register_routes(http::Router& router, std::size_t contacts) {
  router.add("GET", "/v1/me", authenticated(me));
  router.add("GET", "/v1/contacts", authenticated(list_contacts(contacts)));
}

}  // namespace hw::sample_api
