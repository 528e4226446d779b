#pragma once
#include <chrono>
#include <cstddef>
#include <memory>

#include "engine/http_types.hpp"

namespace hw::engine {

struct FetchOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  std::size_t max_body_bytes = 256u << 20;  // a page larger than this is refused, not buffered
};

// Synchronous HTTP over one libcurl handle, so consecutive pages reuse the connection.
// Not thread-safe: one per run.
class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Any HTTP status is a response; a transport failure (refused, timeout, reset, oversize)
  // throws RunError with code "NETWORK" and the redacted URL.
  UpstreamResponse fetch(const UpstreamRequest& request);

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  FetchOptions options_;
};

}  // namespace hw::engine
