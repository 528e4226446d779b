#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/services.hpp"
#include "json/serialize.hpp"

namespace hw::api {

void register_health(http::Router& router, Services& s) {
  router.add("GET", "/health", [&s](const http::Request&, const http::Params&) {
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::steady_clock::now() - s.started);
    boost::json::object body{{"status", "ok"}, {"uptimeSeconds", uptime.count()}};
    return json_response(200, hw::json::serialize(body));
  });
  router.add("GET", "/metrics", [&s](const http::Request&, const http::Params&) {
    http::Response r = json_response(200, s.metrics.render());
    r.content_type = "text/plain; version=0.0.4";
    return r;
  });
}

}  // namespace hw::api
