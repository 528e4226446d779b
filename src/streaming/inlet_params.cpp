#include "streaming/inlet_params.hpp"

#include <openssl/rand.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "json/access.hpp"

namespace hw::streaming {
namespace {

// 256 random bits in hex, the shape of Adobe's inlet ids; unguessable, so an inlet's
// existence is no secret worth guarding beyond its id.
std::string new_inlet_id() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1)
    throw std::runtime_error("the system random number generator failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

std::string inlet_url(std::string base, std::string_view inlet_id) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/collection/" + std::string(inlet_id);
}

boost::json::object* auth_params(boost::json::object& body) {
  auto* auth = body.if_contains("auth");
  auto* params = auth && auth->is_object() ? auth->get_object().if_contains("params") : nullptr;
  return params && params->is_object() ? &params->get_object() : nullptr;
}

const boost::json::value* member(const boost::json::object& o, std::string_view key) {
  return o.if_contains(key);
}

bool same(const boost::json::value* a, const boost::json::value* b) {
  return (!a && !b) || (a && b && *a == *b);
}

void rotate(const boost::json::object& before, boost::json::object& params) {
  const auto* old_secret = member(before, "secret");
  const auto* new_secret = member(params, "secret");
  if (!old_secret || !old_secret->is_string() || same(old_secret, new_secret)) return;
  if (!same(member(before, "previousSecret"), member(params, "previousSecret"))) return;
  params["previousSecret"] = *old_secret;
}

}  // namespace

connection::ParamsResource::Derive connection_inlet(spec::SpecRegistry& specs,
                                                    const std::string& public_base_url) {
  return [&specs, &public_base_url](const store::Scope& scope, const boost::json::object* previous,
                                    boost::json::object& body) {
    const auto spec =
        specs.resolve(scope, json::string_at(json::object_at(body, "connectionSpec"), "id"));
    auto* params = auth_params(body);
    if (!spec || spec->kind != spec::SpecKind::streaming_source || !params) return;
    const boost::json::object* before = nullptr;
    if (previous) before = json::find_object(json::object_at(*previous, "auth"), "params");
    std::string inlet_id = before ? json::string_at(*before, "inletId") : std::string();
    if (inlet_id.empty()) inlet_id = new_inlet_id();
    if (before) rotate(*before, *params);
    (*params)["inletId"] = inlet_id;
    (*params)["inletUrl"] = inlet_url(public_base_url, inlet_id);
  };
}

connection::ParamsResource::Derive flow_inlet_url(store::Store& store, spec::SpecRegistry& specs) {
  return [&store, &specs](const store::Scope& scope, const boost::json::object*,
                          boost::json::object& body) {
    const auto& ref = json::object_at(body, "flowSpec");
    const auto flow_spec = specs.flow_specs().find(scope, json::string_at(ref, "id"));
    if (!flow_spec || boost::json::parse(flow_spec->body).as_object().contains("scheduleSpec"))
      return;
    const auto* sources = body.if_contains("sourceConnectionIds");
    if (!sources || !sources->is_array() || sources->get_array().empty() ||
        !sources->get_array()[0].is_string())
      return;
    const auto source = store.get("sourceConnections", scope, sources->get_array()[0].get_string());
    if (!source) return;
    const auto base_id =
        json::string_at(boost::json::parse(source->body).as_object(), "baseConnectionId");
    const auto base = store.get("connections", scope, base_id);
    if (!base) return;
    const auto url = json::string_at(
        json::object_at(json::object_at(boost::json::parse(base->body).as_object(), "auth"),
                        "params"),
        "inletUrl");
    if (url.empty()) return;
    auto& options = body["options"];
    if (!options.is_object()) options = boost::json::object();
    options.get_object()["inletUrl"] = url;
  };
}

}  // namespace hw::streaming
