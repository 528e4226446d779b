#include "engine/resilient_fetcher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

// How soon a cancelled run stops waiting; the check may read the flow from the store.
constexpr std::chrono::milliseconds kCancelPoll(100);

std::string tried(unsigned attempts) {
  return attempts > 1 ? " (tried " + std::to_string(attempts) + " times)" : "";
}

}  // namespace

ResilientFetcher::ResilientFetcher(const FetchOptions& options, std::chrono::milliseconds spacing,
                                   Cancelled cancelled, Sleep sleep)
    : fetcher_(options),
      policy_(options.retry),
      spacing_(spacing),
      cancelled_(std::move(cancelled)),
      sleep_(sleep ? std::move(sleep)
                   : Sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); })),
      random_(std::random_device{}()) {}

UpstreamResponse ResilientFetcher::fetch(const UpstreamRequest& request) {
  for (unsigned attempt = 1;; ++attempt) {
    space_out();
    std::optional<UpstreamResponse> answer;
    std::string failure;
    try {
      answer = fetcher_.fetch(request);
      if (!RetryPolicy::retryable(answer->status) || !policy_.may_retry(attempt)) {
        answer->attempts = attempt;
        return std::move(*answer);
      }
      failure =
          request.method + " " + request.describe() + " answered " + std::to_string(answer->status);
    } catch (const RunError& e) {
      if (e.code() != "NETWORK" || !policy_.may_retry(attempt))
        throw RunError(e.code(), e.what() + tried(attempt));
      failure = e.what();
    }
    const auto delay = policy_.wait_before(attempt, answer ? &*answer : nullptr, jitter(),
                                           std::chrono::system_clock::now());
    spdlog::warn("{}; retrying in {} ms", failure, delay.count());
    wait(delay);
  }
}

void ResilientFetcher::space_out() {
  const auto now = std::chrono::steady_clock::now();
  if (last_start_ && now < *last_start_ + spacing_)
    wait(std::chrono::ceil<std::chrono::milliseconds>(*last_start_ + spacing_ - now));
  last_start_ = std::chrono::steady_clock::now();
}

// A retry may wait minutes (Retry-After, maxAttempts): a cancelled run must not.
void ResilientFetcher::wait(std::chrono::milliseconds duration) {
  if (!cancelled_) return sleep_(duration);
  for (auto left = duration;; left -= kCancelPoll) {
    if (cancelled_()) throw RunError("CANCELLED", "the run was cancelled");
    if (left <= std::chrono::milliseconds(0)) return;
    sleep_(std::min(left, kCancelPoll));
  }
}

double ResilientFetcher::jitter() {
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

}  // namespace hw::engine
