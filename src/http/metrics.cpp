#include "http/metrics.hpp"

#include <fmt/format.h>

namespace hw::http {
namespace {

// Label values are route patterns and methods we chose, but escape anyway so
// the exposition stays parseable whatever a pattern contains.
std::string escape_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::observe(std::string_view route, std::string_view method, int status,
                      std::chrono::nanoseconds latency) {
  const double seconds = std::chrono::duration<double>(latency).count();
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  auto it = latency_.find(route);
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP headwater_http_requests_total HTTP requests by route, method and status.\n"
      "# TYPE headwater_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format(
        "headwater_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
        escape_label(route), escape_label(method), status, count);
  }
  out +=
      "# HELP headwater_http_request_duration_seconds Time from a complete request to its "
      "response.\n"
      "# TYPE headwater_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string label = escape_label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format(
          "headwater_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
          kBuckets[i], h.buckets[i]);
    out += fmt::format(
        "headwater_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n"
        "headwater_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n"
        "headwater_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
        label, h.count, label, h.sum, label, h.count);
  }
  return out;
}

}  // namespace hw::http
