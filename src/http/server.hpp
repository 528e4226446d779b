#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace hw::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 0;  // 0: one per core
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_connections = 10000;
  std::chrono::seconds read_timeout{30};   // a whole request, header and body
  std::chrono::seconds idle_timeout{75};   // between keep-alive requests
  std::chrono::seconds drain_timeout{10};  // on shutdown, for requests in flight
};

// HTTP/1.1 server with keep-alive over Boost.Beast. SIGTERM or SIGINT closes the
// listener, lets requests in flight finish (up to drain_timeout), then returns.
class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();

  // Binds; throws on failure. After this, port() is the bound port.
  void listen();
  std::uint16_t port() const;
  // Serves until a signal or stop(); returns when every worker has finished.
  void run();
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hw::http
