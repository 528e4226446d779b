#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/list_query.hpp"
#include "api/services.hpp"

namespace hw::api {

void register_flow_specs(http::Router& router, Services& s) {
  const std::string base = "/data/foundation/flowservice/flowSpecs";
  router.add("GET", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               const auto query = parse_list_query(req);
               return json_response(
                   200, render_list(req, query, s.store.list("flowSpecs", ctx.scope, query)));
             }));
  router.add("POST", base, scoped(s, [&s, base](const auto& ctx, const auto& req, const auto&) {
               auto object = s.specs.create_flow_spec(ctx, read_json_object(req));
               http::Response r = object_response(201, object);
               r.headers.emplace_back("Location",
                                      base + "/" + std::string(object.at("id").as_string()));
               return r;
             }));
  router.add("GET", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto&, const auto& p) {
               return item_response(s.specs.flow_specs().require(ctx.scope, p["id"]));
             }));
  router.add(
      "PUT", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
        return object_response(
            200, s.specs.replace_flow_spec(ctx, p["id"], read_json_object(req), if_match(req)));
      }));
}

}  // namespace hw::api
