#pragma once
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace hw::toolkit {

// "3 pages, 1200 records, 5000 records/s": what `headwater run` shows while it reads.
std::string progress_line(std::size_t pages, std::size_t records,
                          std::chrono::duration<double> elapsed);

// A live progress line on a terminal: rewritten in place at most every 100 ms, ended with a
// newline by finish(). Pages and records are counted as they are written, on one thread.
class RunProgress {
 public:
  explicit RunProgress(std::ostream& out);

  void page_written() { ++pages_; }
  void record_written();
  void finish();

 private:
  void draw();

  std::ostream& out_;
  const std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_;
  std::size_t pages_ = 0;
  std::size_t records_ = 0;
};

}  // namespace hw::toolkit
