#pragma once
#include <chrono>
#include <functional>

#include "run/run_record.hpp"

namespace hw::run {

// How often, at most, a run in progress records its counts so far.
inline constexpr std::chrono::seconds kProgressEvery{1};

// Given the counts of a run in progress.
using Progress = std::function<void(const Outcome& so_far)>;

// Hands a run's counts so far to `report` between pages, at most once per `every` and
// first when `every` has passed since the run began: a clock read per page, nothing per
// record, and a run shorter than `every` reports nothing.
class ProgressReports {
 public:
  explicit ProgressReports(Progress report,
                           std::chrono::steady_clock::duration every = kProgressEvery);

  // After a page's records were written; `so_far` makes the counts when a report is due.
  void page_done(const std::function<Outcome()>& so_far);

 private:
  Progress report_;
  std::chrono::steady_clock::duration every_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace hw::run
