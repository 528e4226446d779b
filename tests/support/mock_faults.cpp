#include "support/mock_faults.hpp"

#include <algorithm>
#include <ctime>
#include <string>
#include <utility>

namespace hw::test::mock {
namespace {

using Fault = MockUpstream::Fault;
using Delivery = Reply::Delivery;

// A body that starts out as the members page would, then stops being JSON.
constexpr const char* kMalformedBody = R"({"members":[{"id":<html>502 Bad Gateway</html>)";

Response too_many_requests(std::string retry_after) {
  Response response = problem(429, "Too Many Requests",
                              "You have exceeded the limit of 10 simultaneous connections.");
  response.headers.emplace_back("Retry-After", std::move(retry_after));
  return response;
}

// RFC 9110's IMF-fixdate, `seconds` from now.
std::string http_date_in(int seconds) {
  const std::time_t at = std::time(nullptr) + seconds;
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

}  // namespace

void FaultSchedule::add(std::size_t first_request, std::size_t times, FaultPlan plan) {
  windows_.push_back({first_request, first_request + times, plan});
}

std::optional<FaultPlan> FaultSchedule::take(std::size_t request_index) {
  std::erase_if(windows_, [&](const Window& w) { return w.end <= request_index; });
  const auto it = std::find_if(windows_.begin(), windows_.end(),
                               [&](const Window& w) { return w.first <= request_index; });
  if (it == windows_.end()) return std::nullopt;
  return it->plan;
}

Reply apply_fault(const FaultPlan& plan, Response response) {
  switch (plan.fault) {
    case Fault::status500:
      return {problem(500, "Internal Server Error", "An unexpected internal error occurred.")};
    case Fault::status429:
      return {too_many_requests(std::to_string(plan.retry_after_seconds))};
    case Fault::status429_date:
      return {too_many_requests(http_date_in(plan.retry_after_seconds))};
    case Fault::status401:
      return {problem(401, "API Key Invalid",
                      "Your API key may be invalid, or you've attempted to access the wrong "
                      "datacenter.")};
    case Fault::slow:
      return {std::move(response), Delivery::normal, plan.delay};
    case Fault::malformed_json:
      return {{200, kMalformedBody, {}}};
    case Fault::truncated_body:
      return {std::move(response), Delivery::truncated};
    case Fault::reset_connection:
      return {std::move(response), Delivery::reset};
  }
  return {std::move(response)};  // not reached: the switch covers every Fault
}

}  // namespace hw::test::mock
