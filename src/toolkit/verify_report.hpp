#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace hw::toolkit {

struct StepResult {
  enum class Status { passed, failed, skipped };
  std::string name;
  Status status = Status::passed;
  std::chrono::milliseconds took{0};
  std::string detail;  // passed: what it made or saw; failed: the server's error or why
};

// What `headwater verify` found, for the text report and for --json.
struct VerifyReport {
  std::string family;  // "batch" or "streaming"
  std::string connection_spec_id;
  std::vector<StepResult> steps;
  boost::json::object run;    // pages and record counts, when a run was seen
  boost::json::array sample;  // landed records

  bool passed() const;
  boost::json::object to_json() const;
};

// "✓ connection (31 ms): id 1f2…", "✗ test (40 ms): 400 CONNECTION_TEST_FAILED: …",
// "- mapping set: skipped, no mappings in the env".
std::string step_line(const StepResult& step);

// Runs the steps of a verification in order, timing each and recording it in the report;
// in text mode each step's line is printed as it ends. After a failure, later steps are
// not run (they depend on it), except those marked `always` (deleting the flow).
class StepRunner {
 public:
  StepRunner(VerifyReport& report, std::ostream* text);

  // `step` returns its detail, or throws std::exception whose what() is the failure.
  bool run(const std::string& name, const std::function<std::string()>& step, bool always = false);
  void skip(const std::string& name, const std::string& why, bool always = false);
  bool failed() const { return failed_; }

 private:
  void record(StepResult result);

  VerifyReport& report_;
  std::ostream* text_;
  bool failed_ = false;
};

// The live line while verify waits: rewritten in place on a terminal, else a plain line
// whenever the count changes and at least every 10 s. Nothing when `out` is null (--json).
class WaitLine {
 public:
  WaitLine(std::ostream* out, bool terminal, std::string what);
  void update(std::size_t records, std::chrono::steady_clock::duration elapsed);
  void finish();

 private:
  std::ostream* out_;
  bool terminal_;
  std::string what_;
  std::size_t shown_records_ = static_cast<std::size_t>(-1);
  std::chrono::steady_clock::time_point shown_at_{};
  bool drawn_ = false;
};

}  // namespace hw::toolkit
