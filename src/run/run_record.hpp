#pragma once
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/extract/record_failure.hpp"

// The body of a run in Adobe's FlowRunItemDTO shape (flow-service.yaml), plus `window`
// ({start, end} in ms), the span of source time the run covers.
namespace hw::run {

struct Outcome {
  bool success = false;
  std::string error_code, error_message;  // when !success
  std::string batch_id;
  std::size_t pages = 0, input_records = 0, output_records = 0, failed_records = 0;
  std::uint64_t input_bytes = 0, output_bytes = 0;
  std::int64_t completed_ms = 0;
  // With the flow's errorDiagnosticsEnabled: the first kMaxFailedSamples failed records.
  std::vector<engine::RecordFailure> failed_samples;
};

inline constexpr std::size_t kMaxFailedSamples = 10;

boost::json::object started_run(std::string_view flow_id, const boost::json::object& flow_spec_ref,
                                std::int64_t window_start_ms, std::int64_t window_end_ms,
                                std::int64_t started_ms);

// Fills `run` (as started_run made it) with the counts of `so_far`, those of a run still in
// progress at `now_ms`, in the places finish_run puts them; its status stays inProgress.
void progress_run(boost::json::object& run, const Outcome& so_far, std::int64_t now_ms);

// Fills `run` (as started_run or progress_run left it) with the metrics and status of
// `outcome`.
void finish_run(boost::json::object& run, const Outcome& outcome);

}  // namespace hw::run
