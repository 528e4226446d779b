#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/list_query.hpp"
#include "api/services.hpp"
#include "json/serialize.hpp"
#include "spec/connection_spec_validator.hpp"
#include "toolkit/connection_spec_icons.hpp"

namespace hw::api {
namespace {

constexpr const char* kBase = "/data/foundation/flowservice/connectionSpecs";

boost::json::array issues_json(const std::vector<spec::Issue>& issues) {
  boost::json::array out;
  for (const auto& issue : issues)
    out.push_back({{"path", issue.path}, {"message", issue.message}});
  return out;
}

http::Response validate(Services& s, const http::Context& ctx, const http::Request& req) {
  const auto report = s.specs.check_connection_spec(ctx.scope, read_json_object(req), std::nullopt);
  boost::json::object body{{"valid", report.valid()},
                           {"errors", issues_json(report.errors)},
                           {"warnings", issues_json(report.warnings)}};
  return json_response(200, hw::json::serialize(body));
}

http::Response created(const boost::json::object& object) {
  http::Response r = object_response(201, object);
  r.headers.emplace_back("Location",
                         std::string(kBase) + "/" + std::string(object.at("id").as_string()));
  return r;
}

}  // namespace

void register_connection_specs(http::Router& router, Services& s) {
  const std::string base = kBase;
  router.add("GET", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               const auto query = parse_list_query(req);
               return json_response(
                   200, render_list(req, query, s.store.list("connectionSpecs", ctx.scope, query)));
             }));
  router.add("POST", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               return created(s.specs.create_connection_spec(ctx, read_json_object(req)));
             }));
  router.add("POST", base + "/validate",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               return validate(s, ctx, req);
             }));
  router.add("GET", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto&, const auto& p) {
               return item_response(s.specs.connection_specs().require(ctx.scope, p["id"]));
             }));
  router.add(
      "PUT", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
        auto object =
            s.specs.replace_connection_spec(ctx, p["id"], read_json_object(req), if_match(req));
        return object_response(200, object);
      }));
  router.add("DELETE", base + "/{id}",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               s.specs.delete_connection_spec(ctx, p["id"], if_match(req));
               toolkit::ConnectionSpecIcons(s.store).forget(ctx.scope, p["id"]);
               return json_response(204, "");
             }));
}

}  // namespace hw::api
