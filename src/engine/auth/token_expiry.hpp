#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// The `expirationDate` auth param of OAuth2RefreshCode connections: when the access token
// stops working, as the engine reads it and writes it back after a refresh.
namespace hw::engine::auth {

using Clock = std::chrono::system_clock;

// Tokens are renewed this long before they expire, so none expires between the check and
// the request.
inline constexpr std::chrono::seconds kRenewalMargin{60};

// An ISO-8601 date (the start of that day, UTC) or date-time (`T` or a space between; a
// fraction; `Z`, `±HH:MM`, `±HHMM` or no zone for UTC), or epoch digits (seconds below
// 1e11, else milliseconds). nullopt when it is none of these.
std::optional<Clock::time_point> parse_expiration_date(std::string_view text);

// As the auth spec's expirationDate property declares it: format "date" gives YYYY-MM-DD,
// the day it expires (which parse_expiration_date reads as that day's start: early, never
// late); anything else a UTC date-time, YYYY-MM-DDTHH:MM:SSZ.
std::string format_expiration_date(Clock::time_point expiry, std::string_view schema_format);

// Whether a token should be renewed before it is used at `now`: its expiry is known and
// falls before now + kRenewalMargin.
bool needs_renewal(std::optional<Clock::time_point> expiry, Clock::time_point now);

}  // namespace hw::engine::auth
