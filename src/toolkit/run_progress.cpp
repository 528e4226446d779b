#include "toolkit/run_progress.hpp"

namespace hw::toolkit {
namespace {

constexpr std::chrono::milliseconds kRedrawEvery{100};

}  // namespace

std::string progress_line(std::size_t pages, std::size_t records,
                          std::chrono::duration<double> elapsed) {
  const double seconds = elapsed.count();
  const auto rate = seconds > 0 ? static_cast<std::size_t>(static_cast<double>(records) / seconds)
                                : std::size_t{0};
  return std::to_string(pages) + (pages == 1 ? " page, " : " pages, ") + std::to_string(records) +
         (records == 1 ? " record, " : " records, ") + std::to_string(rate) + " records/s";
}

RunProgress::RunProgress(std::ostream& out)
    : out_(out), started_(std::chrono::steady_clock::now()), drawn_(started_) {}

void RunProgress::record_written() {
  ++records_;
  const auto now = std::chrono::steady_clock::now();
  if (now - drawn_ < kRedrawEvery) return;
  drawn_ = now;
  draw();
}

void RunProgress::finish() {
  draw();
  out_ << "\n" << std::flush;
}

void RunProgress::draw() {
  // "\r" back to the line's start, "\x1b[K" clears what a longer line left behind.
  out_ << "\r" << progress_line(pages_, records_, std::chrono::steady_clock::now() - started_)
       << "\x1b[K" << std::flush;
}

}  // namespace hw::toolkit
