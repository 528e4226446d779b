#include "support/mock_upstream.hpp"

#include <mutex>
#include <utility>

#include "support/mock_faults.hpp"
#include "support/mock_members.hpp"
#include "support/mock_routes.hpp"
#include "support/mock_server.hpp"

namespace hw::test {

// Everything the test thread and the server thread share, behind one mutex.
struct MockUpstream::State {
  explicit State(Options o)
      : options(std::move(o)), records(mock::make_records(options.records, options.base_time_ms)) {}

  mock::Reply handle(UpstreamRequest request);

  const Options options;
  mutable std::mutex mutex;
  std::vector<MockRecord> records;
  std::vector<UpstreamRequest> log;
  mock::FaultSchedule faults;
  mock::OAuthServer oauth{options.oauth};
};

mock::Reply MockUpstream::State::handle(UpstreamRequest request) {
  const std::lock_guard lock(mutex);
  request.received = std::chrono::steady_clock::now();
  mock::Response response = mock::route(request, records, options, oauth);
  const auto fault = faults.take(log.size());
  log.push_back(std::move(request));
  if (!fault) return {std::move(response)};
  return mock::apply_fault(*fault, std::move(response));
}

MockUpstream::MockUpstream(Options options)
    : state_(std::make_unique<State>(std::move(options))),
      server_(std::make_unique<mock::Server>([state = state_.get()](UpstreamRequest request) {
        return state->handle(std::move(request));
      })) {}

MockUpstream::~MockUpstream() = default;

std::string MockUpstream::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port());
}

int MockUpstream::port() const {
  return server_->port();
}

std::vector<UpstreamRequest> MockUpstream::requests() const {
  const std::lock_guard lock(state_->mutex);
  return state_->log;
}

void MockUpstream::inject(Fault fault, std::size_t after_requests, std::size_t times,
                          int retry_after_seconds, std::chrono::milliseconds delay) {
  const std::lock_guard lock(state_->mutex);
  state_->faults.add(state_->log.size() + after_requests, times,
                     {fault, retry_after_seconds, delay});
}

void MockUpstream::set_records(std::size_t n) {
  const std::lock_guard lock(state_->mutex);
  state_->records = mock::make_records(n, state_->options.base_time_ms);
}

void MockUpstream::add_records(std::size_t n, std::int64_t changed_ms) {
  const std::lock_guard lock(state_->mutex);
  auto& records = state_->records;
  auto grown = mock::make_records(records.size() + n, changed_ms);
  for (std::size_t i = records.size(); i < grown.size(); ++i) {
    grown[i].last_changed_ms = changed_ms;
    records.push_back(std::move(grown[i]));
  }
}

const std::vector<MockRecord>& MockUpstream::records() const {
  return state_->records;
}

}  // namespace hw::test
