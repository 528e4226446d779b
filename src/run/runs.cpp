#include "run/runs.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "http/error.hpp"
#include "json/access.hpp"
#include "run/flow_state.hpp"
#include "run/run_record.hpp"
#include "util/ids.hpp"

namespace hw::run {
namespace {

using json::object_at;

bool enabled(const boost::json::object& flow) {
  const auto* state = flow.if_contains("state");
  return !state || !state->is_string() || state->get_string() != "disabled";
}

resource::Caller scheduler_caller(const store::Scope& scope) {
  return {scope, "headwater@AdobeID", "headwater-scheduler"};
}

std::string status_of(const boost::json::object& run) {
  const auto& status = object_at(object_at(run, "metrics"), "statusSummary");
  const auto* s = status.if_contains("status");
  return s && s->is_string() ? std::string(s->get_string()) : std::string();
}

}  // namespace

Runs::Runs(store::Store& store, Executor& executor, SchedulerClock clock, unsigned workers)
    : store_(store),
      executor_(executor),
      clock_(clock),
      documents_(store, "runs", "run"),
      worker_count_(workers) {}

Runs::~Runs() {
  stop();
}

std::size_t Runs::recover() {
  std::size_t count = 0;
  for (const auto& run : store_.scan("runs")) {
    auto body = boost::json::parse(run.doc.body).as_object();
    if (status_of(body) != "inProgress") continue;
    finish_run(body, {false,
                      "INTERRUPTED",
                      "the server stopped during this run; its window runs again",
                      {},
                      0,
                      0,
                      0,
                      0,
                      0,
                      0,
                      util::now_ms(),
                      {}});
    documents_.replace(scheduler_caller(run.scope), run.doc.id, body, std::nullopt);
    ++count;
  }
  if (count) spdlog::warn("marked {} interrupted run(s) failed", count);
  return count;
}

void Runs::start() {
  threads_.emplace_back([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      tick();
      lock.lock();
      wake_.wait_for(lock, clock_.tick(), [this] { return stopping_; });
    }
  });
  for (unsigned i = 0; i < worker_count_; ++i) threads_.emplace_back([this] { work(); });
}

void Runs::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void Runs::tick() {
  const std::int64_t now = clock_.now_ms();
  for (const auto& flow : store_.scan("flows")) {
    try {
      consider(flow, now);
    } catch (const std::exception& e) {
      spdlog::error("scheduling flow {} failed: {}", flow.doc.id, e.what());
    }
  }
}

void Runs::consider(const store::Store::Scoped& flow_doc, std::int64_t now_ms) {
  const auto flow = boost::json::parse(flow_doc.doc.body).as_object();
  const auto schedule = Schedule::from(object_at(flow, "scheduleParams"));
  if (!schedule || !enabled(flow)) return;
  const auto state = load_flow_state(store_, flow_doc.scope, flow_doc.doc.id);
  const auto scheduled = due(*schedule, state, now_ms);
  if (!scheduled || !claim(flow_doc.scope, flow_doc.doc.id)) return;
  Job job{{scheduler_caller(flow_doc.scope),
           {},
           flow_doc.doc.id,
           window_start(*schedule, state),
           *scheduled,
           !state.window_end_ms},
          scheduled};
  begin(std::move(job), object_at(flow, "flowSpec"));
}

Runs::Started Runs::run_now(const resource::Caller& caller, std::string_view flow_id) {
  const auto doc = store_.get("flows", caller.scope, flow_id);
  if (!doc) throw http::not_found("flow", flow_id);
  const auto flow = boost::json::parse(doc->body).as_object();
  const auto schedule = Schedule::from(object_at(flow, "scheduleParams"));
  if (!schedule)
    throw http::bad_request("flow '" + std::string(flow_id) +
                            "' has no schedule: only batch flows run on demand");
  if (!enabled(flow))
    throw http::bad_request("flow '" + std::string(flow_id) + "' is disabled; enable it first");
  if (!claim(caller.scope, std::string(flow_id))) {
    throw http::ApiError(409, "RUN_IN_PROGRESS",
                         "a run of flow '" + std::string(flow_id) + "' is in progress");
  }
  const auto state = load_flow_state(store_, caller.scope, flow_id);
  Job job{{caller,
           {},
           std::string(flow_id),
           window_start(*schedule, state),
           clock_.now_ms(),
           !state.window_end_ms},
          std::nullopt};
  return begin(std::move(job), object_at(flow, "flowSpec"));
}

Runs::Started Runs::begin(Job job, const boost::json::object& flow_spec_ref) {
  auto& r = job.request;
  const auto body =
      started_run(r.flow_id, flow_spec_ref, r.window_start_ms, r.window_end_ms, util::now_ms());
  const auto stored = documents_.create(r.caller, body);
  r.run_id = std::string(stored.at("id").as_string());
  Started started{r.run_id, std::string(stored.at("etag").as_string())};
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_all();
  return started;
}

void Runs::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left to start
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    finish(job,
           executor_.execute(job.request, [&](const Outcome& so_far) { progress(job, so_far); }));
  }
}

// The run's record, still inProgress, shows its counts so far. Failing to write them
// does not fail the run: its final record is written all the same.
void Runs::progress(const Job& job, const Outcome& so_far) {
  const auto& r = job.request;
  try {
    auto body = boost::json::parse(documents_.require(r.caller.scope, r.run_id).body).as_object();
    progress_run(body, so_far, util::now_ms());
    documents_.replace(r.caller, r.run_id, body, std::nullopt);
  } catch (const std::exception& e) {
    spdlog::warn("recording the progress of run {} failed: {}", r.run_id, e.what());
  }
}

void Runs::finish(const Job& job, const Outcome& outcome) {
  const auto& r = job.request;
  try {
    auto state = load_flow_state(store_, r.caller.scope, r.flow_id);
    if (outcome.success) state.window_end_ms = r.window_end_ms;
    if (job.scheduled_ms) state.scheduled_ms = job.scheduled_ms;
    save_flow_state(store_, r.caller.scope, r.flow_id, state);
  } catch (const std::exception& e) {
    spdlog::error("saving the window of run {} failed: {}", r.run_id, e.what());
  }
  // Free before the record reads finished: whoever waits for it may start the next run.
  release(r.caller.scope, r.flow_id);
  try {
    auto body = boost::json::parse(documents_.require(r.caller.scope, r.run_id).body).as_object();
    finish_run(body, outcome);
    documents_.replace(r.caller, r.run_id, body, std::nullopt);
  } catch (const std::exception& e) {
    spdlog::error("recording run {} failed: {}", r.run_id, e.what());
  }
}

bool Runs::claim(const store::Scope& scope, const std::string& flow_id) {
  std::lock_guard lock(mutex_);
  return running_.insert({scope.org, scope.sandbox, flow_id}).second;
}

void Runs::release(const store::Scope& scope, const std::string& flow_id) {
  std::lock_guard lock(mutex_);
  running_.erase({scope.org, scope.sandbox, flow_id});
}

}  // namespace hw::run
