#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/list_query.hpp"
#include "api/services.hpp"
#include "json/serialize.hpp"

namespace hw::api {

http::Response written_response(int status, const connection::ParamsResource::Written& w) {
  boost::json::object body{{"id", w.id}, {"etag", w.etag}};
  http::Response r = json_response(status, hw::json::serialize(body));
  r.headers.emplace_back("ETag", w.etag);
  return r;
}

void register_params_resource(http::Router& router, Services& s, const std::string& base,
                              connection::ParamsResource& resource, Remover remove) {
  const std::string kind = resource.documents().kind();
  router.add("GET", base, scoped(s, [&s, kind](const auto& ctx, const auto& req, const auto&) {
               const auto query = parse_list_query(req);
               return json_response(200,
                                    render_list(req, query, s.store.list(kind, ctx.scope, query)));
             }));
  router.add("POST", base, scoped(s, [&resource](const auto& ctx, const auto& req, const auto&) {
               return written_response(201,
                                       resource.create(ctx, read_json_object(req).as_object()));
             }));
  router.add("GET", base + "/{id}",
             scoped(s, [&resource](const auto& ctx, const auto&, const auto& p) {
               return item_response(resource.documents().require(ctx.scope, p["id"]));
             }));
  router.add("PATCH", base + "/{id}",
             scoped(s, [&resource](const auto& ctx, const auto& req, const auto& p) {
               return written_response(200,
                                       resource.patch(ctx, p["id"], read_json(req), if_match(req)));
             }));
  router.add("DELETE", base + "/{id}",
             scoped(s, [remove](const auto& ctx, const auto& req, const auto& p) {
               remove(ctx.scope, p["id"], if_match(req));
               return json_response(204, "");
             }));
}

}  // namespace hw::api
