#include "run/run_record.hpp"

#include <boost/json.hpp>

namespace hw::run {

boost::json::object started_run(std::string_view flow_id, const boost::json::object& flow_spec_ref,
                                std::int64_t window_start_ms, std::int64_t window_end_ms,
                                std::int64_t started_ms) {
  return {{"flowId", flow_id},
          {"flowSpec", flow_spec_ref},
          {"window", {{"start", window_start_ms}, {"end", window_end_ms}}},
          {"metrics",
           {{"durationSummary", {{"startedAtUTC", started_ms}}},
            {"statusSummary", {{"status", "inProgress"}}}}},
          {"activities", boost::json::array()}};
}

namespace {

boost::json::object status_of(const Outcome& o) {
  boost::json::object status{{"status", o.success ? "success" : "failed"}};
  if (!o.success)
    status["errors"] = boost::json::array{{{"code", o.error_code}, {"message", o.error_message}}};
  return status;
}

// RecordSummaryDTO's failedInfo: StatusErrorDTO {code, message, details}.
boost::json::array failed_info(const std::vector<engine::RecordFailure>& failures) {
  boost::json::array out;
  for (const auto& f : failures)
    out.push_back(
        {{"code", f.code}, {"message", f.reason}, {"details", {{"recordIndex", f.index}}}});
  return out;
}

boost::json::object size_summary(const Outcome& o) {
  return {{"inputBytes", o.input_bytes}, {"outputBytes", o.output_bytes}};
}

boost::json::object record_summary(const Outcome& o) {
  boost::json::object records{{"inputRecordCount", o.input_records},
                              {"outputRecordCount", o.output_records},
                              {"failedRecordCount", o.failed_records}};
  if (!o.failed_samples.empty()) records["failedInfo"] = failed_info(o.failed_samples);
  return records;
}

// activities[0]: the ingestion into the run's batch.
boost::json::array ingestion(const Outcome& o, std::int64_t updated_ms,
                             const boost::json::object& duration, boost::json::object status) {
  status["extensions"] = {{"pages", o.pages}};
  return boost::json::array{{{"id", o.batch_id},
                             {"name", "Ingestion"},
                             {"updatedAtUTC", updated_ms},
                             {"durationSummary", duration},
                             {"sizeSummary", size_summary(o)},
                             {"recordSummary", record_summary(o)},
                             {"statusSummary", std::move(status)}}};
}

}  // namespace

void progress_run(boost::json::object& run, const Outcome& so_far, std::int64_t now_ms) {
  auto& metrics = run["metrics"].as_object();
  metrics["sizeSummary"] = size_summary(so_far);
  metrics["recordSummary"] = record_summary(so_far);
  run["activities"] =
      ingestion(so_far, now_ms, metrics["durationSummary"].as_object(), {{"status", "inProgress"}});
}

void finish_run(boost::json::object& run, const Outcome& o) {
  auto& metrics = run["metrics"].as_object();
  const auto started = metrics["durationSummary"].as_object()["startedAtUTC"];
  const boost::json::object duration{{"startedAtUTC", started}, {"completedAtUTC", o.completed_ms}};
  metrics["durationSummary"] = duration;
  metrics["sizeSummary"] = size_summary(o);
  metrics["recordSummary"] = record_summary(o);
  metrics["statusSummary"] = status_of(o);
  run["activities"] = ingestion(o, o.completed_ms, duration, status_of(o));
}

}  // namespace hw::run
