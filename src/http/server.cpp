#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "http/error.hpp"

namespace hw::http {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Request to_request(bhttp::request<bhttp::string_body>&& in, bool& target_ok) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  target_ok = parse_target(out.target, out);
  out.headers.reserve(16);
  for (const auto& field : in) out.headers.emplace_back(lower(field.name_string()), field.value());
  out.body = std::move(in.body());
  return out;
}

bhttp::response<bhttp::string_body> to_beast(Response&& in, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "headwater");
  if (in.status != 204) out.set(bhttp::field::content_type, in.content_type);
  for (auto& [name, value] : in.headers) out.set(name, value);
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

}  // namespace

class Session;

// Shared by the listener and every session: what shutdown needs to reach.
struct ServerState {
  ServerState(const Router& r, Metrics& m, ServerOptions o)
      : router(r), metrics(m), options(std::move(o)) {}
  const Router& router;
  Metrics& metrics;
  ServerOptions options;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerState& state) : stream_(std::move(socket)), state_(state) {}

  void start() {
    {
      std::lock_guard lock(state_.sessions_mutex);
      state_.sessions[this] = weak_from_this();
    }
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  ~Session() {
    std::lock_guard lock(state_.sessions_mutex);
    state_.sessions.erase(this);
  }

  // Called on shutdown: an idle connection closes now, a busy one after its response.
  void shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->close();
    });
  }

 private:
  void read_header() {
    if (state_.stopping) return close();
    busy_ = false;
    parser_.emplace();
    parser_->body_limit(state_.options.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(state_.options.max_header_bytes));
    if (first_request_ || buffer_.size() > 0) return read_rest_of_header();
    // Idle between requests until the next one's first bytes; from them on, its headers
    // have read_timeout, however slowly they trickle in.
    stream_.expires_after(state_.options.idle_timeout);
    stream_.async_read_some(
        buffer_.prepare(kFirstReadBytes),
        [self = shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->close();
          self->buffer_.commit(n);
          self->read_rest_of_header();
        });
  }

  void read_rest_of_header() {
    stream_.expires_after(state_.options.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    busy_ = true;
    first_request_ = false;
    if (ec) return on_read_error(ec);
    stream_.expires_after(state_.options.read_timeout);
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      auto cont =
          std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
      return bhttp::async_write(
          stream_, *cont, [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
            if (e) return self->close();
            self->read_body();
          });
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::connection_reset) {
      return close();
    }
    if (ec == bhttp::error::body_limit) {
      return reply_and_close(error_response(
          413, "PAYLOAD_TOO_LARGE",
          "the body is larger than " + std::to_string(state_.options.max_body_bytes) + " bytes"));
    }
    if (ec == bhttp::error::header_limit) {
      return reply_and_close(
          error_response(431, "HEADERS_TOO_LARGE", "the request line and headers are too large"));
    }
    reply_and_close(error_response(400, "BAD_HTTP", "malformed HTTP request: " + ec.message()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    const auto started = std::chrono::steady_clock::now();
    auto beast_request = parser_->release();
    const unsigned version = beast_request.version();
    const bool keep_alive = beast_request.keep_alive() && !state_.stopping;
    bool target_ok = true;
    Request request = to_request(std::move(beast_request), target_ok);
    Dispatched result =
        target_ok ? state_.router.dispatch(request)
                  : Dispatched{
                        error_response(400, "BAD_TARGET", "the request target is not a valid path"),
                        "unmatched"};
    if (auto later = std::move(result.response.later)) {
      // The reply may come from another thread: it continues on this session's strand.
      return later([self = shared_from_this(), version, keep_alive, started, route = result.route,
                    method = std::move(request.method), path = std::move(request.path)](
                       Response response) mutable {
        net::post(self->stream_.get_executor(), [self, version, keep_alive, started, route,
                                                 method = std::move(method),
                                                 path = std::move(path),
                                                 response = std::move(response)]() mutable {
          self->respond(std::move(response), route, method, path, started, version, keep_alive);
        });
      });
    }
    respond(std::move(result.response), result.route, request.method, request.path, started,
            version, keep_alive);
  }

  void respond(Response&& response, std::string_view route, const std::string& method,
               const std::string& path, std::chrono::steady_clock::time_point started,
               unsigned version, bool keep_alive) {
    const auto elapsed = std::chrono::steady_clock::now() - started;
    state_.metrics.observe(route, method, response.status, elapsed);
    spdlog::debug("{} {} -> {} ({} us)", method, path, response.status,
                  std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
    write(to_beast(std::move(response), version, keep_alive));
  }

  void write(bhttp::response<bhttp::string_body>&& response) {
    auto shared = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(response));
    bhttp::async_write(stream_, *shared,
                       [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                         if (ec || !shared->keep_alive()) return self->close();
                         self->read_header();
                       });
  }

  // Rejected before routing (413, 431, malformed HTTP): counted under the route
  // "unrouted" so hostile or oversized traffic shows in /metrics.
  void reply_and_close(Response response) {
    busy_ = true;
    state_.metrics.observe("unrouted", "-", response.status, std::chrono::nanoseconds(0));
    auto shared = std::make_shared<bhttp::response<bhttp::string_body>>(
        to_beast(std::move(response), 11, false));
    bhttp::async_write(stream_, *shared,
                       [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                         if (ec) return self->close();
                         self->linger();
                       });
  }

  // Closing at once while the client is still sending makes the kernel answer
  // with a reset that can destroy our error response in flight; so stop sending,
  // then read and discard what the client still sends, for a bounded time.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    discard_ = std::make_shared<std::array<char, 16384>>();
    stream_.async_read_some(net::buffer(*discard_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->on_discard(ec, n);
                            });
  }

  void on_discard(beast::error_code ec, std::size_t n) {
    discarded_ += n;
    if (ec || discarded_ > kMaxDiscardBytes) return close();
    stream_.async_read_some(net::buffer(*discard_),
                            [self = shared_from_this()](beast::error_code e, std::size_t m) {
                              self->on_discard(e, m);
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool busy_ = false;
  bool first_request_ = true;
  static constexpr std::size_t kMaxDiscardBytes = 64 << 20;
  static constexpr std::size_t kFirstReadBytes = 4096;
  std::shared_ptr<std::array<char, 16384>> discard_;
  std::size_t discarded_ = 0;
};

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, Metrics& metrics)
      : state_(router, metrics, std::move(options)),
        threads_(state_.options.threads ? state_.options.threads
                                        : std::max(1u, std::thread::hardware_concurrency())),
        ioc_(static_cast<int>(threads_)),
        acceptor_(net::make_strand(ioc_)),
        signals_(ioc_, SIGINT, SIGTERM),
        drain_timer_(ioc_) {}

  void listen() {
    const tcp::endpoint endpoint{net::ip::make_address(state_.options.bind), state_.options.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  void run() {
    signals_.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("received signal {}; finishing requests in flight", signal);
      stop();
    });
    accept();
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads_; ++i) workers.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : workers) t.join();
  }

  void stop() {
    net::post(ioc_, [this] {
      if (state_.stopping.exchange(true)) return;
      beast::error_code ignored;
      acceptor_.close(ignored);
      signals_.cancel(ignored);
      for (auto& session : live_sessions()) session->shutdown();
      drain_timer_.expires_after(state_.options.drain_timeout);
      drain_timer_.async_wait([this](beast::error_code ec) {
        if (!ec) {
          spdlog::warn("requests still in flight after the drain timeout; stopping anyway");
          ioc_.stop();
        }
      });
      drain_when_idle();
    });
  }

 private:
  std::vector<std::shared_ptr<Session>> live_sessions() {
    std::vector<std::shared_ptr<Session>> out;
    std::lock_guard lock(state_.sessions_mutex);
    for (auto& [ptr, weak] : state_.sessions)
      if (auto s = weak.lock()) out.push_back(std::move(s));
    return out;
  }

  // Polls until every session has ended, then cancels the drain timer so run() returns.
  void drain_when_idle() {
    auto poll = std::make_shared<net::steady_timer>(ioc_, std::chrono::milliseconds(20));
    poll->async_wait([this, poll](beast::error_code) {
      bool idle;
      {
        std::lock_guard lock(state_.sessions_mutex);
        idle = state_.sessions.empty();
      }
      if (idle) {
        drain_timer_.cancel();
      } else {
        drain_when_idle();
      }
    });
  }

  void accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           [this](beast::error_code ec, tcp::socket socket) {
                             if (state_.stopping) return;
                             if (!ec) admit(std::move(socket));
                             accept();
                           });
  }

  void admit(tcp::socket socket) {
    std::size_t live;
    {
      std::lock_guard lock(state_.sessions_mutex);
      live = state_.sessions.size();
    }
    if (live >= state_.options.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
      return;
    }
    std::make_shared<Session>(std::move(socket), state_)->start();
  }

  ServerState state_;
  unsigned threads_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer drain_timer_;
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}
Server::~Server() = default;
void Server::listen() {
  impl_->listen();
}
std::uint16_t Server::port() const {
  return impl_->port();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}

}  // namespace hw::http
