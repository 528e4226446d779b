#include "toolkit/verify.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "connection/checks.hpp"
#include "json/access.hpp"
#include "json/serialize.hpp"
#include "spec/builtin_ids.hpp"
#include "spec/spec_kind.hpp"
#include "toolkit/catalog_datasets.hpp"
#include "toolkit/dataset_reader.hpp"
#include "toolkit/flow_service_calls.hpp"
#include "toolkit/verify_chain.hpp"

namespace hw::toolkit {
namespace {

constexpr std::string_view kDefaultSchema = "https://ns.adobe.com/headwater/verify";

std::string under(std::string_view resource) {
  return std::string(calls::kFlowService) + "/" + std::string(resource);
}

// The collection's mappings ({sourceAttribute, destinationXdmPath}) in the mapping-set shape
// the server takes; mappings already in that shape pass as they are.
boost::json::array mapping_set_mappings(const boost::json::array& mappings) {
  boost::json::array out;
  for (const auto& m : mappings) {
    const auto* o = m.if_object();
    if (o && o->contains("sourceAttribute") && o->contains("destinationXdmPath")) {
      out.push_back({{"sourceType", "ATTRIBUTE"},
                     {"source", o->at("sourceAttribute")},
                     {"destination", o->at("destinationXdmPath")}});
    } else {
      out.push_back(m);
    }
  }
  return out;
}

bool listed_in(ApiClient& client, std::string_view flow_spec_id, const std::string& spec_id) {
  const auto flow_spec = calls::get_item(client, under("flowSpecs/") + std::string(flow_spec_id));
  const auto* ids = flow_spec.if_contains("sourceConnectionSpecIds");
  if (!ids || !ids->is_array()) return false;
  for (const auto& id : ids->get_array())
    if (id.is_string() && id.get_string() == spec_id) return true;
  return false;
}

}  // namespace

VerifyReport verify(ApiClient& client, const VerifyEnv& env, const VerifyOptions& options) {
  return Verification(client, env, options).run();
}

Verification::Verification(ApiClient& client, const VerifyEnv& env, const VerifyOptions& options)
    : client_(client), env_(env), options_(options), steps_(report_, options.text) {}

VerifyReport Verification::run() {
  report_.connection_spec_id = env_.connection_spec_id;
  if (options_.text)
    *options_.text << "verifying connection spec " << env_.connection_spec_id << " at "
                   << client_.options().url << "\n";
  if (steps_.run("connection spec", [&] { return spec_step(); }))
    streaming_ ? streaming() : batch();
  cleanup_step();
  if (options_.text) *options_.text << (report_.passed() ? "verify passed\n" : "verify failed\n");
  return std::move(report_);
}

std::string Verification::spec_step() {
  spec_ = calls::get_item(client_, under("connectionSpecs/") + env_.connection_spec_id);
  const bool listed = listed_in(client_, spec::kGenericStreamingAep, env_.connection_spec_id);
  const auto kind = spec::classify_connection_spec(spec_, listed);
  if (kind != spec::SpecKind::batch_source && kind != spec::SpecKind::streaming_source)
    throw std::runtime_error("'" + name() + "' is neither a batch nor a streaming source");
  streaming_ = kind == spec::SpecKind::streaming_source;
  report_.family = streaming_ ? "streaming" : "batch";
  return name() + ", " + report_.family;
}

std::string Verification::name() const {
  return json::string_at(spec_, "name");
}

boost::json::object Verification::spec_ref() const {
  return {{"id", env_.connection_spec_id}, {"version", "1.0"}};
}

std::optional<boost::json::object> Verification::auth_entry(const std::string& name) const {
  const auto kind = streaming_ ? spec::SpecKind::streaming_source : spec::SpecKind::batch_source;
  return connection::find_auth_spec({spec_, kind}, name);
}

std::string Verification::create_connection(const boost::json::object& auth) {
  connection_ =
      calls::create(client_, under("connections"),
                    {{"name", "verify " + name()}, {"auth", auth}, {"connectionSpec", spec_ref()}});
  return "id " + connection_;
}

void Verification::dataflow_steps(std::string_view flow_spec_id,
                                  const boost::json::object& schedule) {
  steps_.run("source connection", [&] {
    const auto params = params_for(env_, json::object_at(spec_, "sourceSpec").if_contains("spec"));
    source_ = calls::create(client_, under("sourceConnections"),
                            {{"name", "verify " + name()},
                             {"baseConnectionId", connection_},
                             {"connectionSpec", spec_ref()},
                             {"data", {{"format", "json"}}},
                             {"params", params}});
    return "id " + source_;
  });
  steps_.run("dataset", [&] { return dataset_step(); });
  steps_.run("target connection", [&] {
    target_ = calls::create(client_, under("targetConnections"),
                            {{"name", "verify " + name()},
                             {"connectionSpec", {{"id", spec::kDataLakeSpec}, {"version", "1.0"}}},
                             {"data", {{"format", "parquet_xdm"}}},
                             {"params", {{"dataSetId", dataset_}}}});
    return "id " + target_;
  });
  if (env_.mappings) {
    steps_.run("mapping set", [&] { return mapping_set_step(); });
  } else {
    steps_.skip("mapping set", "no mappings in the env: records land as read");
  }
  steps_.run("flow", [&] { return flow_step(flow_spec_id, schedule); });
}

std::string Verification::dataset_step() {
  if (env_.dataset_id) {
    require_dataset(client_, *env_.dataset_id);
    dataset_ = *env_.dataset_id;
    return "existing " + dataset_;
  }
  dataset_ = create_dataset(client_, "verify " + name());
  return "id " + dataset_;
}

std::string Verification::mapping_set_step() {
  const auto* schema = env_.values.if_contains("schemaId");
  mapping_ = calls::create(
      client_, "/data/foundation/conversion/mappingSets",
      {{"xdmSchema", schema && schema->is_string() ? *schema : boost::json::value(kDefaultSchema)},
       {"xdmVersion", "1.0"},
       {"mappings", mapping_set_mappings(*env_.mappings)}});
  return "id " + mapping_;
}

std::string Verification::flow_step(std::string_view flow_spec_id,
                                    const boost::json::object& schedule) {
  boost::json::object flow{
      {"name", "verify " + name()},
      {"flowSpec", {{"id", flow_spec_id}, {"version", "1.0"}}},
      {"sourceConnectionIds", boost::json::array{boost::json::string(source_)}},
      {"targetConnectionIds", boost::json::array{boost::json::string(target_)}}};
  if (!mapping_.empty())
    flow["transformations"] = boost::json::array{
        {{"name", "Mapping"}, {"params", {{"mappingId", mapping_}, {"mappingVersion", "0"}}}}};
  if (!schedule.empty()) flow["scheduleParams"] = schedule;
  flow_ = calls::create(client_, under("flows"), flow);
  return "id " + flow_;
}

void Verification::sample_step(const std::string& batch_id) {
  const bool ok = steps_.run("sample", [&] {
    report_.sample = DatasetReader(client_, dataset_).first_records(batch_id, 3);
    return std::to_string(report_.sample.size()) + " landed record(s)";
  });
  if (!ok || !options_.text) return;
  for (const auto& record : report_.sample)
    *options_.text << "    " << hw::json::serialize(record) << "\n";
}

void Verification::cleanup_step() {
  if (flow_.empty()) return;
  if (options_.keep) return steps_.skip("delete flow", "--keep: flow " + flow_ + " stays", true);
  steps_.run(
      "delete flow",
      [&] {
        calls::delete_flow(client_, flow_);
        return "flow " + flow_;
      },
      true);
}

}  // namespace hw::toolkit
