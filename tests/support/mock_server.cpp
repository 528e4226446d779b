#include "support/mock_server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <string>
#include <thread>
#include <utility>

namespace hw::test::mock {
namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Delivery = Reply::Delivery;

// I/O failures arrive as error codes: a client hanging up is routine here, not exceptional.
constexpr auto kNoThrow = net::as_tuple(net::use_awaitable);
constexpr const char* kContentType = "application/json; charset=utf-8";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

UpstreamRequest to_upstream(bhttp::request<bhttp::string_body>& in) {
  UpstreamRequest out{
      std::string(in.method_string()), std::string(in.target()), std::move(in.body()), {}};
  for (const auto& field : in) {
    const auto [it, added] = out.headers.try_emplace(lower(field.name_string()), field.value());
    if (!added) it->second.append(", ").append(field.value());
  }
  return out;
}

bhttp::response<bhttp::string_body> to_beast(Response in, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "mock-upstream");
  out.set(bhttp::field::content_type, kContentType);
  for (const auto& [name, value] : in.headers) out.set(name, value);
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// Written by hand: Beast will not send a Content-Length its body contradicts.
std::string truncated_bytes(const Response& response) {
  std::string bytes =
      "HTTP/1.1 " + std::to_string(response.status) + " " +
      std::string(bhttp::obsolete_reason(static_cast<bhttp::status>(response.status))) +
      "\r\nContent-Type: " + kContentType +
      "\r\nContent-Length: " + std::to_string(response.body.size()) + "\r\n";
  for (const auto& [name, value] : response.headers) bytes += name + ": " + value + "\r\n";
  return bytes + "\r\n" + response.body.substr(0, response.body.size() / 2);
}

// SO_LINGER 0 makes close() send RST, as a crashed upstream or a middlebox would.
void reset(tcp::socket& socket) {
  boost::system::error_code ignored;
  socket.set_option(tcp::socket::linger(true, 0), ignored);
  socket.close(ignored);
}

}  // namespace

struct Server::Impl {
  explicit Impl(Handler h) : handler(std::move(h)) {}

  net::awaitable<void> accept_loop();
  net::awaitable<void> serve(tcp::socket socket);
  // False when the connection is finished with.
  net::awaitable<bool> deliver(tcp::socket& socket, Reply reply, unsigned version, bool keep_alive);

  Handler handler;
  // One thread, so the handler never runs concurrently with itself.
  net::io_context io{1};
  tcp::acceptor acceptor{io, {net::ip::address_v4::loopback(), 0}};
  // Read once here: the acceptor itself belongs to the server thread from now on.
  const int port = acceptor.local_endpoint().port();
  std::thread thread;
};

net::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(kNoThrow);
    if (ec) co_return;
    net::co_spawn(io, serve(std::move(socket)), net::detached);
  }
}

net::awaitable<void> Server::Impl::serve(tcp::socket socket) {
  boost::beast::flat_buffer buffer;
  for (;;) {
    bhttp::request<bhttp::string_body> request;
    const auto [ec, size] = co_await bhttp::async_read(socket, buffer, request, kNoThrow);
    if (ec) co_return;
    const bool keep_alive = request.keep_alive();
    Reply reply = handler(to_upstream(request));
    if (!co_await deliver(socket, std::move(reply), request.version(), keep_alive)) co_return;
  }
}

net::awaitable<bool> Server::Impl::deliver(tcp::socket& socket, Reply reply, unsigned version,
                                           bool keep_alive) {
  if (reply.delay.count() > 0) {
    net::steady_timer timer(io, reply.delay);
    co_await timer.async_wait(kNoThrow);
  }
  if (reply.delivery == Delivery::reset) {
    reset(socket);
    co_return false;
  }
  if (reply.delivery == Delivery::truncated) {
    const std::string bytes = truncated_bytes(reply.response);
    co_await net::async_write(socket, net::buffer(bytes), kNoThrow);
    co_return false;  // closing the socket is what leaves the body short
  }
  const auto response = to_beast(std::move(reply.response), version, keep_alive);
  const auto [ec, size] = co_await bhttp::async_write(socket, response, kNoThrow);
  co_return !ec && keep_alive;
}

Server::Server(Handler handler) : impl_(std::make_unique<Impl>(std::move(handler))) {
  net::co_spawn(impl_->io, impl_->accept_loop(), net::detached);
  impl_->thread = std::thread([io = &impl_->io] { io->run(); });
}

// Stopping the io_context abandons every connection and timer; destroying it then frees
// the suspended coroutines, closing their sockets.
Server::~Server() {
  impl_->io.stop();
  impl_->thread.join();
}

int Server::port() const {
  return impl_->port;
}

}  // namespace hw::test::mock
