#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/mock_oauth.hpp"

namespace hw::test {

// One MailChimp list member. Member i of a data set has id "m<i>", email
// "user<i>@example.com", status "subscribed" and last_changed = base + i minutes.
struct MockRecord {
  std::string id;
  std::string email;
  std::string status;
  std::int64_t last_changed_ms = 0;
};

struct UpstreamRequest {
  std::string method;
  std::string target;  // path and query, as sent (still percent-encoded)
  std::string body;
  std::map<std::string, std::string> headers;        // lower-case names; repeats joined with ", "
  std::chrono::steady_clock::time_point received{};  // when the mock read it
};

// Declared outside MockUpstream because a nested class's default member initializers are
// not usable in its enclosing class's default arguments (CWG 1397).
struct MockUpstreamOptions {
  std::size_t records = 250;
  std::int64_t base_time_ms = 1700000000000;  // 2023-11-14T22:13:20Z
  std::string username = "ann";
  std::string password = "s3cret";
  std::string api_key_header = "X-Api-Key";
  std::string api_key = "key-123";
  std::size_t max_page = 1000;  // a larger `count` is clamped, as real APIs do
  MockOAuthOptions oauth{};     // the token endpoint (support/mock_oauth.hpp)
};

namespace mock {
class Server;
}

// The third party the engine's tests read from: an in-process HTTP/1.1 server on
// 127.0.0.1 imitating MailChimp's members API, with faults a test can schedule.
//
// Endpoints (every one needs credentials: `Authorization: Basic base64(user:pass)`,
// `Authorization: Bearer <api_key>`, the API-key header, `?apikey=<api_key>`, or a live
// access token of the token endpoint `POST /oauth2/token`, see support/mock_oauth.hpp):
//   GET /3.0/ping
//   GET /3.0/lists/{listId}/members?count=10&offset=0&since_last_changed=T&before_last_changed=T
// Members are ordered by last_changed; the time filter is the half-open window
// since <= last_changed < before. T is ISO-8601 (`.` or `:` before a fraction, `Z`,
// `±HH:MM`, `±HHMM`, `±HH` or no zone for UTC) or epoch digits (seconds below 1e11,
// else milliseconds). Query values are form-decoded, so a literal `+` must arrive as %2B.
// The same members also come paged as Stripe, Zendesk and a page-numbered API page them
// (support/mock_paging.hpp lists those endpoints).
// GET /api/v2/search/export is Zendesk's search export of them (support/mock_search.hpp).
// GET /3.0/reports/{campaignId}/email-activity is a fixed report (support/mock_activity.hpp).
// Anything under /echo/ is a 401 quoting the credentials it was sent (support/mock_echo.hpp).
class MockUpstream {
 public:
  using Options = MockUpstreamOptions;
  enum class Fault {
    status500,         // 500 with a JSON body
    status429,         // 429 with a JSON body and Retry-After
    status429_date,    // the same, with Retry-After as an HTTP-date that many seconds ahead
    status401,         // 401 as if the credentials had been revoked
    slow,              // waits `delay`, then answers normally
    malformed_json,    // 200 whose body is not JSON
    truncated_body,    // Content-Length promises more than is sent, then the socket closes
    reset_connection,  // the socket is reset (RST) without an answer
  };
  // libcurl silently resends a request once when a reused keep-alive connection dies
  // before any byte of the answer: to make a reset visible to such a client, inject it
  // with times = 2.

  explicit MockUpstream(Options options = {});
  ~MockUpstream();  // stops serving, cuts open connections and joins the server thread
  MockUpstream(const MockUpstream&) = delete;
  MockUpstream& operator=(const MockUpstream&) = delete;

  std::string base_url() const;  // "http://127.0.0.1:PORT"
  int port() const;

  // Every request received, in arrival order, including those a fault answered.
  std::vector<UpstreamRequest> requests() const;

  // Applies `fault` to `times` requests, starting with the `after_requests`-th request
  // from now (0 = the next one). Where injections overlap, the earliest one wins.
  void inject(Fault fault, std::size_t after_requests = 0, std::size_t times = 1,
              int retry_after_seconds = 1,
              std::chrono::milliseconds delay = std::chrono::milliseconds(2000));

  // Replaces the data set with `n` generated members. Call it between runs: the
  // reference records() returned is invalidated.
  void set_records(std::size_t n);
  // Appends `n` members numbered after the last, each last changed at `changed_ms`, which
  // must not precede the last member's (the data set stays in last_changed order). Call it
  // between runs, as set_records.
  void add_records(std::size_t n, std::int64_t changed_ms);
  const std::vector<MockRecord>& records() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  // Declared last so that it stops first: its handler reads state_.
  std::unique_ptr<mock::Server> server_;
};

}  // namespace hw::test
