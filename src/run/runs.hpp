#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "resource/documents.hpp"
#include "run/executor.hpp"
#include "run/scheduler_clock.hpp"

namespace hw::run {

// Flow runs: the scheduler that starts them when due, the workers that carry them out,
// and their records (store kind "runs", FlowRunItemDTO shape). One run per flow at a time.
class Runs {
 public:
  Runs(store::Store& store, Executor& executor, SchedulerClock clock = SchedulerClock(),
       unsigned workers = 2);
  ~Runs();

  // Runs still "inProgress" from before a crash become "failed"; their windows were
  // never recorded as done, so the next run covers them again.
  std::size_t recover();
  void start();
  void stop();

  struct Started {
    std::string id;
    std::string etag;
  };
  // POST /runs: a run of `flow_id` now, covering [previous window end, now). Throws
  // ApiError 404 (no flow), 400 (disabled, or not a scheduled batch flow), 409 (a run of
  // the flow is in progress).
  Started run_now(const resource::Caller& caller, std::string_view flow_id);

  resource::Documents& documents() { return documents_; }

 private:
  struct Job {
    RunRequest request;
    std::optional<std::int64_t> scheduled_ms;
  };
  void tick();
  void consider(const store::Store::Scoped& flow, std::int64_t now_ms);
  Started begin(Job job, const boost::json::object& flow_spec_ref);
  void work();
  void progress(const Job& job, const Outcome& so_far);
  void finish(const Job& job, const Outcome& outcome);
  bool claim(const store::Scope& scope, const std::string& flow_id);
  void release(const store::Scope& scope, const std::string& flow_id);

  store::Store& store_;
  Executor& executor_;
  SchedulerClock clock_;
  resource::Documents documents_;
  unsigned worker_count_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::set<std::tuple<std::string, std::string, std::string>> running_;  // org, sandbox, flow
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace hw::run
