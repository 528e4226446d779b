// What an acknowledgement is worth: every acknowledged event lands exactly once however the
// server is killed, and a full queue answers 429 with Retry-After instead of taking more.
#include <gtest/gtest.h>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "integration/streaming_fixture.hpp"

namespace hw::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Segments of the ingest log not yet landed.
std::size_t unlanded_segments(const std::string& data_dir) {
  std::size_t n = 0;
  for (const auto& f : fs::directory_iterator(data_dir + "/streaming"))
    n += f.path().extension() == ".seg" || f.path().extension() == ".open";
  return n;
}

class StreamingCrashTest : public StreamingTest {
 protected:
  // Clients post distinct signed events as fast as they can until the server goes away,
  // keeping the ones it acknowledged. Once `at_least` are acknowledged and `lasting` has
  // passed (windows close and land meanwhile), the server is killed -9 mid-stream.
  void post_and_kill(const Stream& s, int round, std::size_t at_least,
                     std::chrono::milliseconds lasting) {
    std::atomic<std::size_t> acked{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        HttpClient client(server_.base_url());
        for (int seq = 0;; ++seq) {
          const boost::json::object event{
              {"round", round}, {"client", c}, {"seq", seq}, {"pad", std::string(200, 'p')}};
          // Every fourth request is a batch of three, the rest single messages.
          const bool batch = seq % 4 == 3;
          const std::string body =
              batch ? "[" + boost::json::serialize(event) + "," +
                          enveloped({{"round", round}, {"client", c}, {"seq", -seq}}) + "]"
                    : enveloped(event);
          HttpResponse r;
          try {
            r = client.post("/collection/" + (batch ? "batch/" : std::string()) + s.inlet_id, body,
                            {{"x-hmac-sha256", sign(body, kSecret)}});
          } catch (const std::exception&) {
            return;  // the server is gone
          }
          if (r.status != (batch ? 207 : 200)) continue;
          std::lock_guard lock(mutex_);
          acked_.insert(key(round, c, seq));
          if (batch) acked_.insert(key(round, c, -seq));
          acked += batch ? 2 : 1;
        }
      });
    }
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + 60s;
    while ((acked < at_least || std::chrono::steady_clock::now() - start < lasting) &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(5ms);
    server_.kill9();
    for (auto& t : clients) t.join();
    ASSERT_GE(acked.load(), at_least);
  }

  static std::string key(int round, int client, int seq) {
    return std::to_string(round) + "/" + std::to_string(client) + "/" + std::to_string(seq);
  }

  static constexpr int kClients = 6;
  std::mutex mutex_;
  std::set<std::string> acked_;
};

TEST_F(StreamingCrashTest, EveryAcknowledgedEventLandsExactlyOnceAfterKill9) {
  const Stream s = create_stream();
  // The first kill lands mid-window; the later ones after windows closed, while they land.
  post_and_kill(s, 1, 400, 0ms);
  restart_server();
  post_and_kill(s, 2, 400, 1300ms);
  restart_server();
  post_and_kill(s, 3, 400, 2100ms);
  restart_server();

  // Everything the log holds lands: the segments a crash left included.
  const std::string data_dir = dir_.path() + "/data";
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (unlanded_segments(data_dir) > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  ASSERT_EQ(unlanded_segments(data_dir), 0U);

  std::map<std::string, int> seen;
  for (const auto& record : landed(s.flow)) {
    // Whole records only: each has exactly the fields it was sent with.
    const int round = static_cast<int>(record.at("round").as_int64());
    const int client = static_cast<int>(record.at("client").as_int64());
    const int seq = static_cast<int>(record.at("seq").as_int64());
    EXPECT_EQ(record.size(), seq >= 0 && record.contains("pad") ? 4U : 3U);
    ++seen[key(round, client, seq)];
  }
  for (const auto& k : acked_) EXPECT_EQ(seen[k], 1) << "acknowledged event " << k;
  for (const auto& [k, n] : seen) EXPECT_EQ(n, 1) << "event " << k << " landed " << n << " times";
  EXPECT_TRUE(landed(s.flow, "failed").empty());
  auto sums = totals(s.flow);
  EXPECT_EQ(sums["outputRecordCount"], static_cast<std::int64_t>(seen.size()));
  EXPECT_GE(seen.size(), acked_.size());
}

// A day-long window with room for three events: nothing lands during the test, so the
// queue only fills.
class StreamingQueueTest : public StreamingTest {
 protected:
  StreamingQueueTest()
      : StreamingTest({{"streaming", {{"windowSeconds", 86400}, {"maxQueuedEvents", 3}}}}) {
    // Windows end at UTC midnight: keep clear of one, so the window cannot close mid-test.
    const auto seconds_to_midnight = 86400 - std::time(nullptr) % 86400;
    if (seconds_to_midnight < 30)
      std::this_thread::sleep_for(std::chrono::seconds(seconds_to_midnight + 1));
  }
};

TEST_F(StreamingQueueTest, AFullQueueAnswers429WithRetryAfterUntilItDrains) {
  const Stream s = create_stream();
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(post_signed(single_path(s), "{\"id\":" + std::to_string(i) + "}").status, 200);
  const auto single = post_signed(single_path(s), R"({"id":3})");
  expect_error(single, 429, "TOO_MANY_REQUESTS");
  const long retry_after = std::stol(single.headers.at("Retry-After"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 86400);
  expect_error(post_signed(batch_path(s), R"([{"id":4},{"id":5}])"), 429, "TOO_MANY_REQUESTS");

  // A restart seals the window; the queue drains as it lands.
  restart_server();
  wait_for_received(s.flow, 3);
  std::set<std::int64_t> ids;
  for (const auto& r : landed(s.flow)) ids.insert(r.at("id").as_int64());
  EXPECT_EQ(ids, (std::set<std::int64_t>{0, 1, 2}));
  // The run records come a moment before the segment leaves the queue.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  HttpResponse after;
  while ((after = post_signed(single_path(s), R"({"id":6})")).status == 429 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  EXPECT_EQ(after.status, 200) << after.body;
}

}  // namespace
}  // namespace hw::test
