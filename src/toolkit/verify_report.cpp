#include "toolkit/verify_report.hpp"

#include <boost/json.hpp>

#include <exception>

namespace hw::toolkit {
namespace {

using Status = StepResult::Status;
constexpr std::chrono::seconds kPlainEvery{10};

std::string_view status_name(Status s) {
  switch (s) {
    case Status::passed:
      return "passed";
    case Status::failed:
      return "failed";
    case Status::skipped:
      return "skipped";
  }
  return {};
}

std::string waiting_text(std::string_view what, std::size_t records,
                         std::chrono::steady_clock::duration elapsed) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
  return "  waiting for " + std::string(what) + ": " + std::to_string(records) +
         (records == 1 ? " record, " : " records, ") + std::to_string(seconds) + " s";
}

}  // namespace

bool VerifyReport::passed() const {
  for (const auto& s : steps)
    if (s.status == Status::failed) return false;
  return !steps.empty();
}

boost::json::object VerifyReport::to_json() const {
  boost::json::array out_steps;
  for (const auto& s : steps) {
    boost::json::object step{
        {"name", s.name}, {"status", status_name(s.status)}, {"ms", s.took.count()}};
    if (!s.detail.empty()) step[s.status == Status::failed ? "error" : "detail"] = s.detail;
    out_steps.push_back(std::move(step));
  }
  return {{"passed", passed()},
          {"family", family},
          {"connectionSpecId", connection_spec_id},
          {"steps", std::move(out_steps)},
          {"run", run},
          {"sample", sample}};
}

std::string step_line(const StepResult& step) {
  if (step.status == Status::skipped) return "- " + step.name + ": skipped, " + step.detail;
  std::string line = (step.status == Status::passed ? "✓ " : "✗ ") + step.name + " (" +
                     std::to_string(step.took.count()) + " ms)";
  return step.detail.empty() ? line : line + ": " + step.detail;
}

StepRunner::StepRunner(VerifyReport& report, std::ostream* text) : report_(report), text_(text) {}

bool StepRunner::run(const std::string& name, const std::function<std::string()>& step,
                     bool always) {
  if (failed_ && !always) return false;
  const auto start = std::chrono::steady_clock::now();
  StepResult result{name, Status::passed, {}, {}};
  try {
    result.detail = step();
  } catch (const std::exception& e) {
    result.status = Status::failed;
    result.detail = e.what();
  }
  result.took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  const bool passed = result.status == Status::passed;
  record(std::move(result));
  return passed;
}

void StepRunner::skip(const std::string& name, const std::string& why, bool always) {
  if (!failed_ || always) record({name, Status::skipped, {}, why});
}

void StepRunner::record(StepResult result) {
  if (result.status == Status::failed) failed_ = true;
  if (text_) *text_ << step_line(result) << "\n" << std::flush;
  report_.steps.push_back(std::move(result));
}

WaitLine::WaitLine(std::ostream* out, bool terminal, std::string what)
    : out_(out), terminal_(terminal), what_(std::move(what)) {}

void WaitLine::update(std::size_t records, std::chrono::steady_clock::duration elapsed) {
  if (!out_) return;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    *out_ << "\r" << waiting_text(what_, records, elapsed) << "\x1b[K" << std::flush;
    drawn_ = true;
    return;
  }
  if (records == shown_records_ && now - shown_at_ < kPlainEvery) return;
  shown_records_ = records;
  shown_at_ = now;
  *out_ << waiting_text(what_, records, elapsed) << "\n" << std::flush;
}

void WaitLine::finish() {
  if (out_ && terminal_ && drawn_) *out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace hw::toolkit
