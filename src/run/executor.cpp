#include "run/executor.hpp"

#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "mapping/mapping_set.hpp"
#include "run/run_records.hpp"
#include "util/ids.hpp"

namespace hw::run {
namespace {

using engine::RunError;

boost::json::object load(store::Store& store, const store::Scope& scope, std::string_view kind,
                         std::string_view id, std::string_view what) {
  const auto doc = store.get(kind, scope, id);
  if (!doc)
    throw RunError("NOT_FOUND", std::string(what) + " '" + std::string(id) + "' no longer exists");
  return boost::json::parse(doc->body).as_object();
}

std::string first_id(const boost::json::object& flow, std::string_view key) {
  const auto* ids = flow.if_contains(key);
  if (!ids || !ids->is_array() || ids->get_array().empty() || !ids->get_array()[0].is_string())
    return {};
  return std::string(ids->get_array()[0].get_string());
}

// The flow's "Mapping" transformation, compiled; nullopt when it has none.
std::optional<mapping::MappingSet> mapping_of(store::Store& store, const store::Scope& scope,
                                              const boost::json::object& flow) {
  const auto* transformations = flow.if_contains("transformations");
  if (!transformations || !transformations->is_array()) return std::nullopt;
  for (const auto& t : transformations->get_array()) {
    if (!t.is_object() || json::string_at(t.get_object(), "name") != "Mapping") continue;
    const std::string id = json::string_at(json::object_at(t.get_object(), "params"), "mappingId");
    auto compiled =
        mapping::MappingSet::compile(load(store, scope, "mappingSets", id, "mapping set"));
    if (auto* set = std::get_if<mapping::MappingSet>(&compiled)) return std::move(*set);
    throw RunError("INVALID_MAPPING", "mapping set '" + id + "' does not compile");
  }
  return std::nullopt;
}

double partial_ingestion_percent(const boost::json::object& flow) {
  const auto* options = flow.if_contains("options");
  const auto* p = options && options->is_object()
                      ? options->get_object().if_contains("partialIngestionPercent")
                      : nullptr;
  return p && p->is_number() ? p->to_number<double>() : 0.0;
}

bool error_diagnostics_enabled(const boost::json::object& flow) {
  const auto* options = flow.if_contains("options");
  const auto* on = options && options->is_object()
                       ? options->get_object().if_contains("errorDiagnosticsEnabled")
                       : nullptr;
  return on && on->is_bool() && on->get_bool();
}

// The counts of a run whose first `emitted` pages are written.
Outcome so_far(const dataset::BatchWriter& writer, const RunRecords& records,
               const engine::PullStats& emitted) {
  Outcome o;
  o.success = true;
  o.batch_id = writer.batch_id();
  o.pages = emitted.pages;
  o.input_records = emitted.records;
  o.input_bytes = emitted.bytes;
  o.output_records = writer.records();
  o.failed_records = writer.failed();
  o.output_bytes = records.output_bytes();
  return o;
}

engine::RunWindow window_of(const RunRequest& r) {
  using std::chrono::milliseconds;
  return {schedule::TimePoint(milliseconds(r.window_start_ms)),
          schedule::TimePoint(milliseconds(r.window_end_ms)), r.first_run};
}

}  // namespace

Executor::Executor(store::Store& store, spec::SpecRegistry& specs,
                   connection::Resources& connections, dataset::Batches& batches,
                   engine::FetchOptions fetch)
    : store_(store), specs_(specs), connections_(connections), batches_(batches), fetch_(fetch) {}

Outcome Executor::execute(const RunRequest& request, const Progress& progress) {
  try {
    return execute_or_throw(request, progress);
  } catch (const RunError& e) {
    return {false, e.code(), e.what(), {}, 0, 0, 0, 0, 0, 0, util::now_ms(), {}};
  } catch (const std::exception& e) {
    return {false,
            "INTERNAL",
            std::string("the run failed: ") + e.what(),
            {},
            0,
            0,
            0,
            0,
            0,
            0,
            util::now_ms(),
            {}};
  }
}

Outcome Executor::execute_or_throw(const RunRequest& r, const Progress& progress) {
  const auto& scope = r.caller.scope;
  const auto flow = load(store_, scope, "flows", r.flow_id, "flow");
  const auto source =
      connections_.source_connections.unsealed(scope, first_id(flow, "sourceConnectionIds"));
  const auto base =
      connections_.connections.unsealed(scope, json::string_at(source, "baseConnectionId"));
  const auto target = load(store_, scope, "targetConnections",
                           first_id(flow, "targetConnectionIds"), "target connection");
  const auto spec =
      specs_.resolve(scope, json::string_at(json::object_at(base, "connectionSpec"), "id"));
  if (!spec) throw RunError("NOT_FOUND", "the connection's connection spec no longer exists");
  const auto auth_spec =
      connection::find_auth_spec(*spec, json::string_at(json::object_at(base, "auth"), "specName"));
  if (!auth_spec)
    throw RunError("INVALID_CONNECTION",
                   "the connection's auth spec is no longer in its connection spec");
  const auto mapping = mapping_of(store_, scope, flow);

  auto writer =
      batches_.begin(r.caller, json::string_at(json::object_at(target, "params"), "dataSetId"),
                     {{"flowId", r.flow_id}, {"runId", r.run_id}});
  const auto& auth_params = json::object_at(json::object_at(base, "auth"), "params");
  RunRecords records(writer, mapping, error_diagnostics_enabled(flow));
  ProgressReports reports(progress);
  // Disabling (or deleting) the flow cancels the run at its next page or retry wait.
  engine::PullOptions options{
      fetch_, 100'000,
      [&] {
        const auto now = store_.get("flows", scope, r.flow_id);
        return !now ||
               json::string_at(boost::json::parse(now->body).as_object(), "state") == "disabled";
      },
      // Credentials renewed mid-run (an OAuth token) are sealed into the connection for the
      // next run.
      [&](const engine::RenewedParams& renewed) {
        connections_.connections.keep_renewed(r.caller, json::string_at(source, "baseConnectionId"),
                                              renewed.values, renewed.secrets);
      },
      // Between pages, the counts so far, for GET /runs/{id} while the run goes on.
      [&](const engine::PullStats& emitted) {
        reports.page_done([&] { return so_far(writer, records, emitted); });
      }};
  Outcome o{true, {}, {}, writer.batch_id(), 0, 0, 0, 0, 0, 0, 0, {}};
  try {
    const auto stats = engine::pull(
        {spec->spec, auth_params, json::object_at(source, "params"), window_of(r)}, *auth_spec,
        [&](std::string_view r) { records.accept(r); }, options,
        [&](std::string_view r, const engine::RecordFailure& f) { records.reject(r, f); });
    o.pages = stats.pages;
    o.input_records = stats.records;
    o.input_bytes = stats.bytes;
  } catch (const RunError& e) {
    writer.commit(std::string(e.what()));
    throw;
  }
  o.failed_records = writer.failed();
  o.output_records = writer.records();
  o.output_bytes = records.output_bytes();
  o.failed_samples = records.take_failed_samples();
  const double threshold = partial_ingestion_percent(flow);
  const bool too_many_failed =
      o.input_records > 0 &&
      100.0 * static_cast<double>(o.failed_records) / static_cast<double>(o.input_records) >
          threshold;
  if (o.failed_records > 0 && too_many_failed) {
    o.success = false;
    o.error_code = "PARTIAL_INGESTION";
    o.error_message = std::to_string(o.failed_records) + " of " + std::to_string(o.input_records) +
                      " records failed, more than partialIngestionPercent allows";
  }
  writer.commit(o.success ? std::nullopt : std::optional<std::string>(o.error_message));
  o.completed_ms = util::now_ms();
  return o;
}

}  // namespace hw::run
