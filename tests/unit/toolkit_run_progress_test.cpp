// The progress line `headwater run` keeps on a terminal.
#include "toolkit/run_progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace hw::toolkit {
namespace {

using std::chrono::duration;

TEST(RunProgress, LineCountsPagesRecordsAndRate) {
  EXPECT_EQ(progress_line(3, 1200, duration<double>(0.5)), "3 pages, 1200 records, 2400 records/s");
  EXPECT_EQ(progress_line(1, 1, duration<double>(2.0)), "1 page, 1 record, 0 records/s");
  EXPECT_EQ(progress_line(0, 0, duration<double>(0.0)), "0 pages, 0 records, 0 records/s");
}

TEST(RunProgress, RedrawsInPlaceAndEndsTheLine) {
  std::ostringstream out;
  RunProgress progress(out);
  progress.page_written();
  progress.page_written();
  progress.record_written();
  progress.finish();
  const std::string text = out.str();
  EXPECT_TRUE(text.starts_with("\r2 pages, 1 record, ")) << text;
  EXPECT_TRUE(text.ends_with(" records/s\x1b[K\n")) << text;
}

}  // namespace
}  // namespace hw::toolkit
