#pragma once
#include <cstdint>
#include <string>

#include "connection/resources.hpp"
#include "dataset/batch_writer.hpp"
#include "engine/pull.hpp"
#include "resource/caller.hpp"
#include "run/run_progress.hpp"
#include "run/run_record.hpp"

namespace hw::run {

struct RunRequest {
  resource::Caller caller;  // the scope, and who the batch is recorded for
  std::string run_id;
  std::string flow_id;
  std::int64_t window_start_ms = 0;
  std::int64_t window_end_ms = 0;
  bool first_run = false;
};

// Carries out one run of a batch flow: reads the source through the engine, applies
// the flow's mapping set, and writes one Catalog batch. Never throws: every failure
// becomes the Outcome's error (code and a message without secrets). While it runs, the
// counts so far go to `progress`, on the thread that writes the records (ProgressReports).
class Executor {
 public:
  Executor(store::Store& store, spec::SpecRegistry& specs, connection::Resources& connections,
           dataset::Batches& batches, engine::FetchOptions fetch = {});

  Outcome execute(const RunRequest& request, const Progress& progress = {});

 private:
  Outcome execute_or_throw(const RunRequest& request, const Progress& progress);

  store::Store& store_;
  spec::SpecRegistry& specs_;
  connection::Resources& connections_;
  dataset::Batches& batches_;
  engine::FetchOptions fetch_;
};

}  // namespace hw::run
