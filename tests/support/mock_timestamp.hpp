#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hw::test::mock {

// Epoch milliseconds of a timestamp as upstream APIs accept it, or nullopt when malformed:
//   2023-11-14T22:13:20Z, …+00:00, …+0000, …+00, no zone (UTC),
//   a fraction of 1-9 digits after `.` or `:` (2023-11-14T22:13:20:0000000Z),
//   epoch digits: seconds below 1e11, milliseconds from there on.
// Sub-millisecond fractions round up, which keeps `since <= t` and `t < before` exact
// for the whole-millisecond times records carry.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// MailChimp's rendering of a time: 2023-11-14T22:13:20+00:00 (whole seconds, UTC).
std::string format_timestamp(std::int64_t epoch_ms);

}  // namespace hw::test::mock
