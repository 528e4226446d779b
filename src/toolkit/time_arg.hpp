#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "schedule/date_format.hpp"

namespace hw::toolkit {

// A time given on the command line (`headwater run --start T --end T`): epoch seconds
// ("1700000000"), an ISO 8601 date ("2024-01-31", midnight UTC), or an ISO 8601 time with
// its zone ("2024-01-31T12:00:00Z", "2024-01-31T12:00:00.250+02:00", seconds optional).
// Returns the time, or why `text` is not one.
std::variant<schedule::TimePoint, std::string> parse_time_arg(std::string_view text);

}  // namespace hw::toolkit
