#include <functional>

#include "api/json_io.hpp"
#include "api/query_params.hpp"
#include "api/services.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::api {
namespace {

// The state an action op leads to. Adobe's OpenAPI lists the ops in upper case (ENABLE);
// they are accepted in any case. Its other ops (FINALIZE, PUBLISH, …) belong to flows
// Headwater does not have.
std::string_view state_for(const http::Request& request) {
  const auto op = request.query_param("op");
  if (op && spec::iequals(*op, "enable")) return "enabled";
  if (op && spec::iequals(*op, "disable")) return "disabled";
  throw bad_query_parameter("op",
                            (op ? "'" + std::string(*op) + "' is not supported" : "is required") +
                                std::string("; use op=enable or op=disable"));
}

}  // namespace

void register_flows(http::Router& router, Services& s) {
  const std::string base = "/data/foundation/flowservice/flows";
  register_params_resource(router, s, base, s.flows,
                           std::bind_front(&flow::Flows::remove, &s.flows));
  router.add("POST", base + "/{id}/action",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return written_response(
                   200, s.flows.set_state(ctx, p["id"], state_for(req), if_match(req)));
             }));
}

}  // namespace hw::api
