#include "run/run_progress.hpp"

namespace hw::run {

ProgressReports::ProgressReports(Progress report, std::chrono::steady_clock::duration every)
    : report_(std::move(report)), every_(every), last_(std::chrono::steady_clock::now()) {}

void ProgressReports::page_done(const std::function<Outcome()>& so_far) {
  if (!report_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < every_) return;
  last_ = now;
  report_(so_far());
}

}  // namespace hw::run
