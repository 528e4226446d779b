#include "engine/retry_policy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace hw::engine {
namespace {

using std::chrono::milliseconds;

// Large enough for any cap, small enough that scaling it never overflows.
constexpr std::uint64_t kLongestSeconds = std::uint64_t{1} << 32;

std::optional<milliseconds> delay_seconds(std::string_view value) {
  std::uint64_t seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc::result_out_of_range) return std::chrono::seconds(kLongestSeconds);
  if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return std::chrono::seconds(std::min(seconds, kLongestSeconds));
}

}  // namespace

milliseconds RetryPolicy::backoff(unsigned retry, double fraction) const {
  const double doubling = std::ldexp(1.0, static_cast<int>(std::min(retry, 64U)) - 1);
  const double ceiling = std::min(static_cast<double>(options_.max_delay.count()),
                                  static_cast<double>(options_.base_delay.count()) * doubling);
  return milliseconds(static_cast<milliseconds::rep>(std::clamp(fraction, 0.0, 1.0) * ceiling));
}

milliseconds RetryPolicy::wait_before(unsigned retry, const UpstreamResponse* answer,
                                      double fraction,
                                      std::chrono::system_clock::time_point now) const {
  const std::string* header = answer ? answer->header("retry-after") : nullptr;
  const auto asked = header ? parse_retry_after(*header, now) : std::nullopt;
  return std::min(asked ? *asked : backoff(retry, fraction), options_.max_delay);
}

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') return delay_seconds(value);
  // libcurl reads all three HTTP-date forms (IMF-fixdate, RFC 850, asctime).
  const std::time_t at = curl_getdate(std::string(value).c_str(), nullptr);
  if (at < 0) return std::nullopt;
  const auto wait = std::chrono::system_clock::from_time_t(at) - now;
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(wait));
}

}  // namespace hw::engine
