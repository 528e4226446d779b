// `headwater run --start T --end T`: the times an author may type.
#include "toolkit/time_arg.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace hw::toolkit {
namespace {

using namespace std::chrono;

// Microseconds since the epoch, or -1 when the text is refused.
long long us(std::string_view text) {
  const auto parsed = parse_time_arg(text);
  const auto* t = std::get_if<schedule::TimePoint>(&parsed);
  return t ? t->time_since_epoch().count() : -1;
}

TEST(TimeArg, EpochSecondsDatesAndZonedTimes) {
  EXPECT_EQ(us("0"), 0);
  EXPECT_EQ(us("1700000000"), 1700000000LL * 1000000);
  EXPECT_EQ(us("2023-11-14"), 1699920000LL * 1000000);
  EXPECT_EQ(us("2023-11-14T22:13:20Z"), 1700000000LL * 1000000);
  EXPECT_EQ(us("2023-11-14T22:13Z"), 1699999980LL * 1000000);
  EXPECT_EQ(us("2023-11-14T22:13:20.25Z"), 1700000000LL * 1000000 + 250000);
  EXPECT_EQ(us("2023-11-15T00:13:20+02:00"), 1700000000LL * 1000000);
  EXPECT_EQ(us("2023-11-14T20:13:20-0200"), 1700000000LL * 1000000);
}

TEST(TimeArg, AnythingElseIsRefusedWithAHint) {
  for (std::string_view bad :
       {"", "yesterday", "2023-11-14T22:13:20", "2023-02-30", "2023-11-14T25:00:00Z",
        "2023-11-14T22:13:20Zjunk", "-5", "1234567890123", "2023-11-14 22:13:20Z"})
    EXPECT_EQ(us(bad), -1) << bad;
  EXPECT_EQ(std::get<std::string>(parse_time_arg("soon")),
            "'soon' is not a time: give epoch seconds, a date (2024-01-31) or a time with its "
            "zone (2024-01-31T12:00:00Z)");
}

}  // namespace
}  // namespace hw::toolkit
