#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <random>

#include "engine/fetcher.hpp"
#include "engine/retry_policy.hpp"

namespace hw::engine {

// A Fetcher that tries again what may succeed later (429, 5xx, transport failures such
// as timeouts and resets), waiting as RetryPolicy says, and that keeps the starts of
// consecutive requests at least `spacing` apart (a spec's delayRequestMillis). Those waits
// end early, throwing RunError "CANCELLED", once `cancelled` says the run was cancelled.
// Not thread-safe: one per run.
class ResilientFetcher {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;
  using Cancelled = std::function<bool()>;

  // `sleep` waits; tests pass one that records instead.
  explicit ResilientFetcher(const FetchOptions& options,
                            std::chrono::milliseconds spacing = std::chrono::milliseconds(0),
                            Cancelled cancelled = {}, Sleep sleep = {});

  // The first answer that is not worth retrying, or the last one when attempts run out;
  // its `attempts` says how many were made. When the last attempt fails in transport,
  // throws its RunError, saying how many attempts were made.
  UpstreamResponse fetch(const UpstreamRequest& request);

 private:
  void space_out();
  void wait(std::chrono::milliseconds duration);
  double jitter();

  Fetcher fetcher_;
  RetryPolicy policy_;
  std::chrono::milliseconds spacing_;
  Cancelled cancelled_;
  Sleep sleep_;
  std::optional<std::chrono::steady_clock::time_point> last_start_;
  std::minstd_rand random_;
};

}  // namespace hw::engine
