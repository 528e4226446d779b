// Slow or stalled clients (slowloris) cannot hold the server: a request's headers and body
// each have a read timeout, and connections past the cap are closed at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "integration/streaming_fixture.hpp"
#include "support/raw_connection.hpp"

namespace hw::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Sends `bytes` one at a time, 100 ms apart, until told to stop or the server closes.
class Dribbler {
 public:
  Dribbler(RawConnection& connection, std::string bytes)
      : thread_([this, &connection, bytes = std::move(bytes)] {
          for (char c : bytes) {
            if (stop_) return;
            connection.send(std::string_view(&c, 1));
            std::this_thread::sleep_for(100ms);
          }
        }) {}
  ~Dribbler() {
    stop_ = true;
    thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class SlowClientsTest : public StreamingTest {
 protected:
  SlowClientsTest() : StreamingTest({{"readTimeoutSeconds", 1}}) {}

  // How long the server took to close a connection that dribbles `bytes`, and what it sent.
  std::pair<Clock::duration, std::string> dribble(std::string bytes) {
    RawConnection connection(server_.port());
    const auto start = Clock::now();
    Dribbler dribbler(connection, std::move(bytes));
    std::string answer = connection.read_all();
    return {Clock::now() - start, answer};
  }
};

TEST_F(SlowClientsTest, HeadersSentByteByByteAreCutOffAtTheReadTimeout) {
  const auto [elapsed, answer] =
      dribble("POST /collection/abc HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a'));
  EXPECT_EQ(answer, "");
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 5s);  // 200 more bytes would take 20 s
  EXPECT_EQ(client_.get("/health", without_adobe_headers()).status, 200);
}

TEST_F(SlowClientsTest, AKeptAliveConnectionsNextHeadersHaveTheReadTimeoutToo) {
  RawConnection connection(server_.port());
  connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(connection.read_until("\r\n\r\n").substr(0, 15), "HTTP/1.1 200 OK");
  const auto start = Clock::now();
  Dribbler dribbler(connection, "GET /health HTTP/1.1\r\nX-Slow: " + std::string(200, 'a'));
  connection.read_all();
  // Not the 75 s a connection may idle between requests: 1 s from the request's first byte.
  EXPECT_GE(Clock::now() - start, 900ms);
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST_F(SlowClientsTest, ABodySentByteByByteIsCutOffAtTheReadTimeout) {
  RawConnection connection(server_.port());
  connection.send(
      "POST /collection/abc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 400\r\n\r\n");
  const auto start = Clock::now();
  Dribbler dribbler(connection, "{\"pad\":\"" + std::string(390, 'a'));
  EXPECT_EQ(connection.read_all(), "");
  EXPECT_GE(Clock::now() - start, 900ms);
  EXPECT_LT(Clock::now() - start, 5s);
}

class ConnectionCapTest : public StreamingTest {
 protected:
  ConnectionCapTest() : StreamingTest({{"maxConnections", 3}, {"readTimeoutSeconds", 30}}) {}

  // A fresh connection's answer to GET /health: "" when the server closed it unserved.
  std::string health_over_new_connection() {
    RawConnection c(server_.port());
    c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    return c.read_all();
  }
};

TEST_F(ConnectionCapTest, ConnectionsPastTheCapAreClosedUnserved) {
  // Three kept-alive connections, each shown to be admitted by a request it got answered.
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<RawConnection>(server_.port()));
    idle.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(idle.back()->read_until("}").substr(0, 15), "HTTP/1.1 200 OK");
  }
  EXPECT_EQ(health_over_new_connection(), "");
  idle.clear();  // the idle clients leave; their sessions end
  const auto deadline = Clock::now() + 10s;
  std::string answer;
  while ((answer = health_over_new_connection()).empty() && Clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  EXPECT_EQ(answer.substr(0, 15), "HTTP/1.1 200 OK");
}

}  // namespace
}  // namespace hw::test
