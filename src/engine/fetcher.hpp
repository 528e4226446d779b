#pragma once
#include <chrono>
#include <cstddef>
#include <memory>

#include "engine/http_types.hpp"
#include "engine/retry_policy.hpp"

namespace hw::engine {

struct FetchOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  // The whole answer (status, headers, body) must arrive within connect_timeout +
  // read_timeout of the request's start: libcurl has no millisecond-precise idle timer.
  std::chrono::milliseconds read_timeout{60'000};
  std::size_t max_body_bytes = 256u << 20;  // a page larger than this is refused, not buffered
  RetryOptions retry;                       // used by ResilientFetcher; Fetcher tries once
  // Pages a run fetches and parses ahead of the one whose records it is writing.
  std::size_t pages_ahead = 2;
};

// Synchronous HTTP over one libcurl handle, so consecutive pages reuse the connection.
// Not thread-safe: one per run.
class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Any HTTP status is a response. A transport failure (refused, timeout, reset, short
  // body) throws RunError "NETWORK", a body over max_body_bytes "PAGE_TOO_LARGE", both
  // naming the redacted URL.
  UpstreamResponse fetch(const UpstreamRequest& request);

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  FetchOptions options_;
};

}  // namespace hw::engine
