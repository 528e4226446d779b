#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "dataset/batch_writer.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"
#include "streaming/ingest_log.hpp"

namespace hw::streaming {

// Turns each sealed segment of the ingest log into one run per streaming flow that has
// events in it: a Catalog batch (records, and failed events with their reasons) and a run
// record whose window is the segment's. A segment is removed only once every flow in it
// has landed; a run's id derives from its flow and window, so landing a segment again
// after a crash skips what already landed: every event lands exactly once.
class WindowLander {
 public:
  WindowLander(IngestLog& log, store::Store& store, spec::SpecRegistry& specs,
               dataset::Batches& batches);
  ~WindowLander();
  WindowLander(const WindowLander&) = delete;
  WindowLander& operator=(const WindowLander&) = delete;

  void start();
  // Finishes the segment being landed, then returns; the rest land after the next start.
  void stop();

  // Lands one sealed segment. Throws when a batch cannot be written (the segment stays).
  void land(const Segment& segment);

 private:
  struct Target;
  void loop();
  // Reads the segment once, landing the entries of at most kFlowsPerPass flows; returns
  // whether entries of other flows remain.
  bool land_pass(const Segment& segment, std::size_t skip_flows);
  Target open(const Segment& segment, const std::string& org, const std::string& sandbox,
              const std::string& flow_id);
  // Commits the flow's batch and records its run, started at `started_ms`.
  void finish(const Segment& segment, Target& target, std::int64_t started_ms);

  IngestLog& log_;
  store::Store& store_;
  spec::SpecRegistry& specs_;
  dataset::Batches& batches_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace hw::streaming
