#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "support/mock_response.hpp"
#include "support/mock_server.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test::mock {

struct FaultPlan {
  MockUpstream::Fault fault = MockUpstream::Fault::status500;
  int retry_after_seconds = 1;
  std::chrono::milliseconds delay{0};
};

// Which requests, by arrival index, a fault applies to. Not thread-safe: its owner locks.
class FaultSchedule {
 public:
  void add(std::size_t first_request, std::size_t times, FaultPlan plan);
  // The fault for a request; indices must arrive in increasing order, which lets
  // windows that are over be dropped.
  std::optional<FaultPlan> take(std::size_t request_index);

 private:
  struct Window {
    std::size_t first = 0;
    std::size_t end = 0;
    FaultPlan plan;
  };
  std::vector<Window> windows_;
};

// The reply a fault turns the API's normal `response` into.
Reply apply_fault(const FaultPlan& plan, Response response);

}  // namespace hw::test::mock
