#include "toolkit/register_source.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "json/parse.hpp"
#include "json/serialize.hpp"
#include "spec/builtin_ids.hpp"
#include "spec/spec_kind.hpp"
#include "toolkit/categories.hpp"
#include "toolkit/registration_record.hpp"

namespace hw::toolkit {
namespace {

constexpr std::string_view kSpecs = "/data/foundation/flowservice/connectionSpecs";
constexpr std::string_view kFlowSpecs = "/data/foundation/flowservice/flowSpecs";
// Two authors adding to one flow spec at once: the loser of If-Match reads it again.
constexpr int kFlowSpecAttempts = 3;

std::string path_of(std::string_view base, std::string_view id) {
  return std::string(base) + "/" + std::string(id);
}

void require(const ApiResponse& response, long status, const std::string& call) {
  if (response.status != status)
    throw std::runtime_error(call + " answered " + response.describe_error());
}

boost::json::object answer_object(const ApiResponse& response, const std::string& call) {
  const auto parsed = json::parse(response.body);
  const auto* o = parsed.ok ? parsed.value.if_object() : nullptr;
  if (!o) throw std::runtime_error(call + " answered something other than a JSON object");
  // A stored object, or one wrapped in {"items": [...]} as GET and the seed show it.
  if (const auto* items = o->if_contains("items"); items && items->is_array() &&
                                                   !items->get_array().empty() &&
                                                   items->get_array()[0].is_object())
    return items->get_array()[0].get_object();
  return *o;
}

std::string id_of(const ApiResponse& response, const std::string& call) {
  const auto o = answer_object(response, call);
  const auto* id = o.if_contains("id");
  if (!id || !id->is_string()) throw std::runtime_error(call + " answered without an id");
  return std::string(id->get_string());
}

// The spec's id, after creating it or replacing the one `record` remembers.
std::string put_or_post(ApiClient& client, RegistrationRecord& record, const std::string& body,
                        bool& created) {
  if (const auto known = record.id_for(client.options())) {
    const auto call = "PUT " + path_of(kSpecs, *known);
    const auto answer = client.send("PUT", path_of(kSpecs, *known), body);
    if (answer.status != 404) {
      require(answer, 200, call);
      return *known;
    }
  }
  const auto call = "POST " + std::string(kSpecs);
  const auto answer = client.send("POST", kSpecs, body);
  require(answer, 201, call);
  const std::string id = id_of(answer, call);
  record.remember(client.options(), id);
  created = true;
  return id;
}

// Whether `spec_id` had to be added to the flow spec `flow_spec_id`.
bool add_to_flow_spec(ApiClient& client, std::string_view flow_spec_id,
                      const std::string& spec_id) {
  const std::string path = path_of(kFlowSpecs, flow_spec_id);
  for (int attempt = 1;; ++attempt) {
    const auto got = client.send("GET", path);
    require(got, 200, "GET " + path);
    auto flow_spec = answer_object(got, "GET " + path);
    auto& listed = flow_spec["sourceConnectionSpecIds"];
    if (!listed.is_array()) listed = boost::json::array();
    for (const auto& id : listed.get_array())
      if (id.is_string() && id.get_string() == spec_id) return false;
    listed.get_array().push_back(boost::json::string(spec_id));
    const auto put = client.send("PUT", path, hw::json::serialize(flow_spec), "application/json",
                                 {{"If-Match", got.header("etag").value_or("*")}});
    if (put.status == 412 && attempt < kFlowSpecAttempts) continue;
    require(put, 200, "PUT " + path);
    return true;
  }
}

}  // namespace

boost::json::object registered_spec(const std::string& name, const Artifacts& artifacts) {
  auto spec = artifacts.connection_spec->as_object();
  auto& source_spec = spec["sourceSpec"];
  if (!source_spec.is_object()) source_spec = boost::json::object();
  auto& attributes = source_spec.as_object()["attributes"];
  if (!attributes.is_object()) attributes = boost::json::object();
  auto& ui = attributes.as_object()["uiAttributes"];
  if (!ui.is_object()) ui = boost::json::object();
  auto& fields = ui.as_object();
  fields["label"] = {{"text", *artifacts.label}};
  fields["description"] = {{"text", *artifacts.description}};
  fields["category"] = {{"key", *category_key(*artifacts.category)}};
  fields["icon"] = {{"key", name}};
  return spec;
}

RegisterResult register_source(ApiClient& client, const ArtifactFolder& folder,
                               const Artifacts& artifacts) {
  RegistrationRecord record(folder.source);
  const auto spec = registered_spec(folder.name, artifacts);
  RegisterResult result;
  result.id = put_or_post(client, record, hw::json::serialize(spec), result.created);
  const std::string icon = path_of(kSpecs, result.id) + "/icon";
  require(client.send("PUT", icon, *artifacts.icon, "image/svg+xml"), 204, "PUT " + icon);
  const bool streaming =
      spec::classify_connection_spec(spec, false) == spec::SpecKind::streaming_source;
  result.flow_spec = streaming ? "GenericStreamingAEP" : "RestStorageToAEP";
  result.added_to_flow_spec = add_to_flow_spec(
      client, streaming ? spec::kGenericStreamingAep : spec::kRestStorageToAep, result.id);
  return result;
}

}  // namespace hw::toolkit
