#include "engine/auth/token_expiry.hpp"

#include <charconv>
#include <cstdio>

namespace hw::engine::auth {
namespace {

using std::chrono::days;
using std::chrono::seconds;

// Reads exactly `width` digits at `at`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t width) {
  int value = 0;
  if (at + width > text.size()) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + width, value);
  if (error != std::errc() || end != text.data() + at + width) return std::nullopt;
  at += width;
  return value;
}

bool take(std::string_view text, std::size_t& at, std::string_view any_of) {
  if (at >= text.size() || any_of.find(text[at]) == std::string_view::npos) return false;
  ++at;
  return true;
}

std::optional<Clock::time_point> epoch(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < 100'000'000'000) return Clock::time_point(seconds(value));
  return Clock::time_point(std::chrono::milliseconds(value));
}

// `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC): the zone's offset east of UTC.
std::optional<seconds> zone(std::string_view text, std::size_t& at) {
  if (at == text.size() || take(text, at, "Zz")) return seconds(0);
  const char sign = text[at];
  if (!take(text, at, "+-")) return std::nullopt;
  const auto hours = digits(text, at, 2);
  take(text, at, ":");
  const auto minutes = digits(text, at, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const seconds offset = std::chrono::hours(*hours) + std::chrono::minutes(*minutes);
  return sign == '-' ? -offset : offset;
}

// HH:MM[:SS[.fff]] and the zone, as the time since midnight UTC of the date.
std::optional<seconds> time_of_day(std::string_view text, std::size_t& at) {
  const auto hour = digits(text, at, 2);
  if (!hour || !take(text, at, ":")) return std::nullopt;
  const auto minute = digits(text, at, 2);
  std::optional<int> second = 0;
  if (take(text, at, ":")) second = digits(text, at, 2);
  if (take(text, at, ".,"))
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
  const auto offset = zone(text, at);
  if (!minute || !second || !offset || at != text.size() || *hour > 23 || *minute > 59 ||
      *second > 60)
    return std::nullopt;
  return std::chrono::hours(*hour) + std::chrono::minutes(*minute) + seconds(*second) - *offset;
}

}  // namespace

std::optional<Clock::time_point> parse_expiration_date(std::string_view text) {
  if (!text.empty() && text.find('-') == std::string_view::npos) return epoch(text);
  std::size_t at = 0;
  const auto year = digits(text, at, 4);
  const bool dash1 = take(text, at, "-");
  const auto month = digits(text, at, 2);
  const bool dash2 = take(text, at, "-");
  const auto day = digits(text, at, 2);
  if (!year || !month || !day || !dash1 || !dash2) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  const Clock::time_point midnight = std::chrono::sys_days(date);
  if (at == text.size()) return midnight;
  if (!take(text, at, "Tt ")) return std::nullopt;
  const auto since_midnight = time_of_day(text, at);
  if (!since_midnight) return std::nullopt;
  return midnight + *since_midnight;
}

std::string format_expiration_date(Clock::time_point expiry, std::string_view schema_format) {
  const auto day = std::chrono::floor<days>(expiry);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{std::chrono::floor<seconds>(expiry - day)};
  char out[64];
  if (schema_format == "date") {
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  } else {
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
  }
  return out;
}

bool needs_renewal(std::optional<Clock::time_point> expiry, Clock::time_point now) {
  return expiry && *expiry <= now + kRenewalMargin;
}

}  // namespace hw::engine::auth
