#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// The one time format of the sample API, in query parameters and in records:
// `YYYY-MM-DDTHH:MM:SSZ`, always UTC.
namespace hw::sample_api {

std::string format_utc(std::chrono::sys_seconds t);

// The time `text` spells, or nullopt when it is not exactly that format or names a date or
// time that does not exist (2024-02-30, 24:00:00).
std::optional<std::chrono::sys_seconds> parse_utc(std::string_view text);

}  // namespace hw::sample_api
