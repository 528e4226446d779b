#include <boost/json.hpp>

#include <cctype>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "json/access.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"
#include "spec/builtin_ids.hpp"
#include "toolkit/flow_service_calls.hpp"
#include "toolkit/verify_chain.hpp"
#include "util/percent_encode.hpp"

namespace hw::toolkit {
namespace {

constexpr std::chrono::milliseconds kPollEvery{250};

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Source params as the query of /test and /explore, which take them as plain parameters.
std::string query_of(const boost::json::object& params) {
  std::string query;
  for (const auto& p : params) {
    const std::string value = p.value().is_string() ? std::string(p.value().get_string())
                                                    : hw::json::serialize(p.value());
    query += (query.empty() ? "?" : "&") + util::percent_encode(p.key(), unreserved) + "=" +
             util::percent_encode(value, unreserved);
  }
  return query;
}

std::int64_t count_at(const boost::json::object& summary, std::string_view key) {
  const auto* v = summary.if_contains(key);
  return v && v->is_number() ? v->to_number<std::int64_t>() : 0;
}

std::string status_of(const boost::json::object& run) {
  return json::string_at(json::object_at(json::object_at(run, "metrics"), "statusSummary"),
                         "status");
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void Verification::batch() {
  steps_.run("connection", [&] {
    const auto entry = auth_entry(env_.auth_spec_name);
    return create_connection(
        {{"specName", env_.auth_spec_name},
         {"params", entry ? params_for(env_, entry->if_contains("spec")) : boost::json::object()}});
  });
  steps_.run("test", [&] { return test_step(); });
  steps_.run("explore", [&] { return explore_step(); });
  dataflow_steps(spec::kRestStorageToAep,
                 {{"startTime", env_.start_time.value_or(now_seconds())}, {"frequency", "once"}});
  if (steps_.run("run", [&] { return judge_run(wait_for_run()); })) sample_step(batch_);
}

std::string Verification::test_step() {
  const auto params = params_for(env_, json::object_at(spec_, "sourceSpec").if_contains("spec"));
  const auto answer = client_.send("GET", std::string(calls::kFlowService) + "/connections/" +
                                              connection_ + "/test" + query_of(params));
  if (answer.status != 200) throw std::runtime_error(answer.describe_error());
  return "the source answered";
}

std::string Verification::explore_step() {
  const auto params = params_for(env_, json::object_at(spec_, "sourceSpec").if_contains("spec"));
  const auto answer = client_.send("GET", std::string(calls::kFlowService) + "/connections/" +
                                              connection_ + "/explore" + query_of(params));
  if (answer.status != 200) throw std::runtime_error(answer.describe_error());
  const auto parsed = json::parse(answer.body);
  const auto* data = parsed.ok && parsed.value.is_object()
                         ? parsed.value.get_object().if_contains("data")
                         : nullptr;
  const std::size_t n = data && data->is_array() ? data->get_array().size() : 0;
  return std::to_string(n) + " record(s) on the first page";
}

// The flow's run once it ended, waiting at most verifyWaitTimeInSecond.
boost::json::object Verification::wait_for_run() {
  const auto started = std::chrono::steady_clock::now();
  WaitLine line(options_.text, options_.terminal, "the run");
  for (;;) {
    const auto runs = calls::runs_of(client_, flow_);
    const auto* run = runs.empty() ? nullptr : runs.back().if_object();
    if (run && status_of(*run) != "inProgress") {
      line.finish();
      return *run;
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (elapsed > env_.wait) {
      line.finish();
      throw std::runtime_error(
          "no run ended within " + std::to_string(env_.wait.count()) +
          " s (verifyWaitTimeInSecond): " +
          (run ? "the run is still in progress" : "none started; is startTime in the future?"));
    }
    // An inProgress run's record carries its counts so far (updated about once a second).
    const auto landed =
        run ? count_at(json::object_at(json::object_at(*run, "metrics"), "recordSummary"),
                       "outputRecordCount")
            : 0;
    line.update(static_cast<std::size_t>(landed), elapsed);
    std::this_thread::sleep_for(kPollEvery);
  }
}

// A run passes when it succeeded and landed records.
std::string Verification::judge_run(const boost::json::object& run) {
  const auto& metrics = json::object_at(run, "metrics");
  const auto& records = json::object_at(metrics, "recordSummary");
  const auto& activity = calls::first_of(run, "activities");
  batch_ = json::string_at(activity, "id");
  const auto pages =
      count_at(json::object_at(json::object_at(activity, "statusSummary"), "extensions"), "pages");
  const auto in = count_at(records, "inputRecordCount"),
             out = count_at(records, "outputRecordCount"),
             failed = count_at(records, "failedRecordCount");
  report_.run = {{"status", status_of(run)},
                 {"pages", pages},
                 {"inputRecordCount", in},
                 {"outputRecordCount", out},
                 {"failedRecordCount", failed}};
  if (status_of(run) != "success") {
    const auto& error = calls::first_of(json::object_at(metrics, "statusSummary"), "errors");
    throw std::runtime_error("the run failed: " + json::string_at(error, "code") + ": " +
                             json::string_at(error, "message"));
  }
  const std::string counts = std::to_string(pages) + " page(s), " + std::to_string(in) +
                             " record(s) in, " + std::to_string(out) + " out, " +
                             std::to_string(failed) + " failed";
  if (out == 0)
    throw std::runtime_error("the run landed no records (" + counts +
                             "); check the source params, startTime and contentPath");
  return counts;
}

}  // namespace hw::toolkit
