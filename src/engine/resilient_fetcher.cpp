#include "engine/resilient_fetcher.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

std::string tried(unsigned attempts) {
  return attempts > 1 ? " (tried " + std::to_string(attempts) + " times)" : "";
}

}  // namespace

ResilientFetcher::ResilientFetcher(const FetchOptions& options, std::chrono::milliseconds spacing,
                                   Sleep sleep)
    : fetcher_(options),
      policy_(options.retry),
      spacing_(spacing),
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
    const auto wait = policy_.wait_before(attempt, answer ? &*answer : nullptr, jitter(),
                                          std::chrono::system_clock::now());
    spdlog::warn("{}; retrying in {} ms", failure, wait.count());
    sleep_(wait);
  }
}

void ResilientFetcher::space_out() {
  const auto now = std::chrono::steady_clock::now();
  if (last_start_ && now < *last_start_ + spacing_)
    sleep_(std::chrono::ceil<std::chrono::milliseconds>(*last_start_ + spacing_ - now));
  last_start_ = std::chrono::steady_clock::now();
}

double ResilientFetcher::jitter() {
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

}  // namespace hw::engine
