#pragma once
#include <chrono>
#include <functional>
#include <memory>

#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test::mock {

// How the transport delivers a handler's answer.
struct Reply {
  enum class Delivery {
    normal,     // the whole response; the connection stays open if the client asked
    truncated,  // headers promising the whole body, half of it, then a close
    reset,      // no response: the connection is reset
  };
  Response response;
  Delivery delivery = Delivery::normal;
  std::chrono::milliseconds delay{0};  // waited before delivering
};

// A keep-alive HTTP/1.1 server on 127.0.0.1 at a free port. One background thread runs
// every connection asynchronously, so a delayed reply never holds up another client.
// The handler runs on that thread.
class Server {
 public:
  using Handler = std::function<Reply(UpstreamRequest)>;

  explicit Server(Handler handler);
  ~Server();  // closes every connection, abandons pending delays, joins the thread
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hw::test::mock
