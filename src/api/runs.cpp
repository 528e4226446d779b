#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/list_query.hpp"
#include "api/services.hpp"
#include "http/error.hpp"

namespace hw::api {
namespace {

std::string flow_id_of(const boost::json::value& body) {
  const auto* id = body.as_object().if_contains("flowId");
  if (!id || !id->is_string() || id->get_string().empty()) {
    throw http::bad_request("the flow to run is required", {{"flowId", "a flow id is required"}});
  }
  return std::string(id->get_string());
}

}  // namespace

void register_runs(http::Router& router, Services& s) {
  const std::string base = "/data/foundation/flowservice/runs";
  router.add("GET", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               const auto query = parse_list_query(req);
               return json_response(
                   200, render_list(req, query, s.store.list("runs", ctx.scope, query)));
             }));
  router.add("GET", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto&, const auto& p) {
               return item_response(s.runs.documents().require(ctx.scope, p["id"]));
             }));
  router.add("POST", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               const auto started = s.runs.run_now(ctx, flow_id_of(read_json_object(req)));
               return written_response(201, {started.id, started.etag});
             }));
}

}  // namespace hw::api
