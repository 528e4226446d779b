#include "run/flow_state.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"
#include "util/ids.hpp"

namespace hw::run {
namespace {

std::optional<std::int64_t> read(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_int64()) return std::nullopt;
  return v->get_int64();
}

}  // namespace

FlowState load_flow_state(store::Store& store, const store::Scope& scope,
                          std::string_view flow_id) {
  const auto doc = store.get("flowStates", scope, flow_id);
  if (!doc) return {};
  const auto body = boost::json::parse(doc->body).as_object();
  return {read(body, "windowEndMs"), read(body, "scheduledMs")};
}

void save_flow_state(store::Store& store, const store::Scope& scope, std::string_view flow_id,
                     const FlowState& state) {
  boost::json::object body;
  if (state.window_end_ms) body["windowEndMs"] = *state.window_end_ms;
  if (state.scheduled_ms) body["scheduledMs"] = *state.scheduled_ms;
  const std::int64_t now = util::now_ms();
  store.upsert("flowStates", scope,
               {std::string(flow_id), util::new_etag(), now, now, hw::json::serialize(body),
                std::nullopt});
}

}  // namespace hw::run
