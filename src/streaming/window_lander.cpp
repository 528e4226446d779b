#include "streaming/window_lander.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <tuple>

#include "dataset/batch_record.hpp"
#include "dataset/datasets.hpp"
#include "json/access.hpp"
#include "resource/documents.hpp"
#include "run/run_record.hpp"
#include "streaming/event_mapping.hpp"
#include "streaming/log_entry.hpp"
#include "streaming/stream_flow.hpp"
#include "util/ids.hpp"

namespace hw::streaming {
namespace {

// Each flow of a pass holds a batch open, with its write buffers; past this many, the
// segment is read again for the next ones, so memory stays bounded however many inlets.
constexpr std::size_t kFlowsPerPass = 64;
constexpr std::string_view kRunsKind = "runs";

using FlowKey = std::tuple<std::string, std::string, std::string>;  // org, sandbox, flow

resource::Caller lander_caller(const store::Scope& scope) {
  return {scope, "headwater@AdobeID", "headwater-streaming"};
}

// Stable across restarts: the segment's start names its window.
std::string run_id_for(const FlowKey& key, const Segment& segment) {
  const auto& [org, sandbox, flow] = key;
  return util::stable_uuid("streaming-run/" + org + "/" + sandbox + "/" + flow + "/" +
                           std::to_string(segment.start_ms));
}

std::optional<boost::json::object> committed_batch(store::Store& store, const store::Scope& scope,
                                                   const std::string& run_id) {
  for (const auto& id : store.referencing(dataset::kBatchesKind, scope, "tags.runId", run_id)) {
    const auto doc = store.get(dataset::kBatchesKind, scope, id);
    if (!doc) continue;
    auto record = boost::json::parse(doc->body).as_object();
    if (json::string_at(record, "status") == dataset::kSuccess) return record;
  }
  return std::nullopt;
}

}  // namespace

// One flow's share of a segment.
struct WindowLander::Target {
  store::Scope scope;
  std::string flow_id;
  std::string run_id;
  std::optional<StreamFlow> flow;
  std::optional<dataset::BatchWriter> writer;
  // A batch of this run committed before a crash, its run record not yet written.
  std::optional<boost::json::object> committed;
  bool done = false;  // landed before: its entries are skipped
  std::size_t dropped = 0;
  run::Outcome outcome;
};

WindowLander::WindowLander(IngestLog& log, store::Store& store, spec::SpecRegistry& specs,
                           dataset::Batches& batches)
    : log_(log), store_(store), specs_(specs), batches_(batches) {}

WindowLander::~WindowLander() {
  stop();
}

void WindowLander::start() {
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void WindowLander::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void WindowLander::loop() {
  while (!stopping_) {
    log_.wait_for_seal(std::chrono::milliseconds(200));
    for (const auto& segment : log_.sealed()) {
      if (stopping_) return;
      try {
        land(segment);
        log_.landed(segment);
      } catch (const std::exception& e) {
        spdlog::error("landing streaming window {} failed, retrying: {}", segment.path.string(),
                      e.what());
        std::this_thread::sleep_for(std::chrono::seconds(1));
        break;
      }
    }
  }
}

void WindowLander::land(const Segment& segment) {
  for (std::size_t skip = 0; land_pass(segment, skip); skip += kFlowsPerPass) {
  }
}

WindowLander::Target WindowLander::open(const Segment& segment, const std::string& org,
                                        const std::string& sandbox, const std::string& flow_id) {
  Target t;
  t.scope = {org, sandbox};
  t.flow_id = flow_id;
  t.run_id = run_id_for({org, sandbox, flow_id}, segment);
  t.outcome.success = true;
  if (store_.get(kRunsKind, t.scope, t.run_id)) {
    t.done = true;
    return t;
  }
  if ((t.committed = committed_batch(store_, t.scope, t.run_id))) return t;
  t.flow = load_stream_flow(store_, specs_, t.scope, flow_id);
  if (!t.flow || t.flow->dataset_id.empty() ||
      !store_.get(dataset::kDataSetsKind, t.scope, t.flow->dataset_id)) {
    return t;
  }
  t.writer.emplace(batches_.begin(lander_caller(t.scope), t.flow->dataset_id,
                                  {{"flowId", flow_id}, {"runId", t.run_id}}));
  t.outcome.batch_id = t.writer->batch_id();
  return t;
}

bool WindowLander::land_pass(const Segment& segment, std::size_t skip_flows) {
  std::map<FlowKey, Target> targets;
  std::map<FlowKey, std::size_t> order;  // flows in the order of their first entry
  bool more = false;
  const std::int64_t started_ms = util::now_ms();
  SegmentReader reader(segment.path);
  while (const auto payload = reader.next()) {
    const auto entry = decode_entry(*payload);
    if (!entry) continue;  // whole, but not an entry this version writes
    FlowKey key{std::string(entry->org), std::string(entry->sandbox), std::string(entry->flow_id)};
    const auto [at, first] = order.try_emplace(key, order.size());
    if (at->second < skip_flows) continue;
    if (at->second >= skip_flows + kFlowsPerPass) {
      more = true;
      continue;
    }
    auto found = targets.find(key);
    if (found == targets.end())
      found =
          targets.emplace(key, open(segment, std::get<0>(key), std::get<1>(key), std::get<2>(key)))
              .first;
    Target& t = found->second;
    if (t.done || t.committed) continue;
    if (!t.writer) {
      ++t.dropped;
      continue;
    }
    ++t.outcome.input_records;
    t.outcome.input_bytes += entry->record.size();
    if (!entry->reason.empty()) {
      t.writer->append_failed(entry->record, entry->reason);
      continue;
    }
    const auto mapped = map_event(*t.flow, entry->record);
    if (!mapped.error.empty()) {
      t.writer->append_failed(entry->record, mapped.error);
      continue;
    }
    t.writer->append(mapped.record);
    t.outcome.output_bytes += mapped.record.size();
  }
  for (auto& [key, t] : targets) finish(segment, t, started_ms);
  return more;
}

void WindowLander::finish(const Segment& segment, Target& t, std::int64_t started_ms) {
  if (t.dropped > 0) {
    spdlog::error(
        "streaming: {} event(s) of flow {} in window [{}, {}) were dropped: the flow, its target "
        "connection or its dataset no longer exists",
        t.dropped, t.flow_id, segment.start_ms, segment.end_ms);
  }
  if (t.writer) {
    t.outcome.output_records = t.writer->records();
    t.outcome.failed_records = t.writer->failed();
    t.writer->commit();
  } else if (t.committed) {
    const auto& batch = *t.committed;
    t.outcome.batch_id = json::string_at(batch, "id");
    t.outcome.output_records = batch.at("recordCount").to_number<std::size_t>();
    t.outcome.failed_records = batch.at("failedRecordCount").to_number<std::size_t>();
    t.outcome.input_records = t.outcome.output_records + t.outcome.failed_records;
    t.outcome.input_bytes = t.outcome.output_bytes = batch.at("size").to_number<std::uint64_t>();
    t.flow = load_stream_flow(store_, specs_, t.scope, t.flow_id);
  } else {
    return;
  }
  auto run = run::started_run(t.flow_id, t.flow ? t.flow->flow_spec_ref : boost::json::object(),
                              segment.start_ms, segment.end_ms, started_ms);
  t.outcome.completed_ms = util::now_ms();
  run::finish_run(run, t.outcome);
  resource::Documents(store_, std::string(kRunsKind), "run")
      .create(lander_caller(t.scope), run, t.run_id);
}

}  // namespace hw::streaming
