#pragma once
#include <chrono>
#include <optional>
#include <string_view>

#include "engine/http_types.hpp"

namespace hw::engine {

// How often and how patiently a request to a source is tried (`engine` settings of
// `headwater serve`).
struct RetryOptions {
  unsigned max_attempts = 5;                    // the first try included
  std::chrono::milliseconds base_delay{500};    // the first retry waits at most this long
  std::chrono::milliseconds max_delay{30'000};  // no wait is longer, Retry-After included
};

// When a failed request is tried again, and after how long: 429, 5xx and transport
// failures are retried with exponential backoff and full jitter, or after the source's
// Retry-After when it gives one.
class RetryPolicy {
 public:
  explicit RetryPolicy(RetryOptions options) : options_(options) {}

  // 429 and every 5xx: answers that may differ when asked again.
  static bool retryable(long status) { return status == 429 || (status >= 500 && status <= 599); }
  bool may_retry(unsigned attempts_made) const { return attempts_made < options_.max_attempts; }

  // `fraction` (in [0, 1), the jitter) of min(max_delay, base_delay·2^(retry-1)); the
  // first retry is number 1.
  std::chrono::milliseconds backoff(unsigned retry, double fraction) const;

  // The wait before retry number `retry`: the Retry-After header of `answer` when it has a
  // valid one, else the backoff; never more than max_delay. `answer` is null after a
  // transport failure.
  std::chrono::milliseconds wait_before(unsigned retry, const UpstreamResponse* answer,
                                        double fraction,
                                        std::chrono::system_clock::time_point now) const;

 private:
  RetryOptions options_;
};

// A Retry-After value (RFC 9110 §10.2.3), delay-seconds or an HTTP-date, as the wait from
// `now`; a date already past is no wait. nullopt when it is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace hw::engine
