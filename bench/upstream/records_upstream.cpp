// The source the engine benchmark reads: N generated records of about 1 KB each, paged
// with limit/offset (`GET /records?limit=L&offset=O` → {"records":[…],"total":N}). It
// prints "records upstream on http://127.0.0.1:PORT" and serves until killed. Pages are
// generated on request, so the server stays small however many records it serves.
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

#include <unistd.h>

#include "support/mock_server.hpp"

namespace {

using hw::test::UpstreamRequest;
using hw::test::mock::Reply;
using hw::test::mock::Response;

std::size_t query_number(std::string_view target, std::string_view name, std::size_t fallback) {
  const std::string key = std::string(name) + "=";
  for (std::size_t at = target.find(key); at != std::string_view::npos;
       at = target.find(key, at + 1)) {
    if (at == 0 || (target[at - 1] != '?' && target[at - 1] != '&')) continue;
    std::size_t value = 0;
    const char* begin = target.data() + at + key.size();
    if (std::from_chars(begin, target.data() + target.size(), value).ec == std::errc())
      return value;
  }
  return fallback;
}

// About 1 KB: a realistic mix of strings, numbers, a nested object and an array.
void append_record(std::string& out, std::size_t i) {
  static const std::string filler(790, 'x');
  char head[320];
  const int n = std::snprintf(
      head, sizeof head,
      R"({"id":"r%08zu","email":"user%zu@example.com","status":"%s","score":%zu.%02zu,)"
      R"("created":"2024-01-%02zuT%02zu:%02zu:00Z","address":{"city":"City %zu",)"
      R"("zip":"%05zu","country":"DE"},"tags":["a%zu","b%zu"],"note":")",
      i, i, i % 3 ? "subscribed" : "pending", i % 1000, i % 100, 1 + i % 28, i % 24, i % 60,
      i % 5000, i % 100000, i % 7, i % 11);
  out.append(head, static_cast<std::size_t>(n));
  out += filler;
  out += "\"}";
}

Reply page(const UpstreamRequest& request, std::size_t total) {
  if (!request.target.starts_with("/records"))
    return {Response{404, R"({"error":"no such path"})", {}}};
  const std::size_t limit = query_number(request.target, "limit", 100);
  const std::size_t offset = query_number(request.target, "offset", 0);
  Response response{200, {}, {}};
  response.body.reserve(limit * 1100 + 64);
  response.body += R"({"records":[)";
  for (std::size_t i = offset; i < offset + limit && i < total; ++i) {
    if (i != offset) response.body += ',';
    append_record(response.body, i);
  }
  response.body += "],\"total\":" + std::to_string(total) + "}";
  return {std::move(response)};
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t total = argc > 1 ? std::stoul(argv[1]) : 1'000'000;
  hw::test::mock::Server server([total](UpstreamRequest request) { return page(request, total); });
  std::printf("records upstream on http://127.0.0.1:%d\n", server.port());
  std::fflush(stdout);
  for (;;) pause();  // the server thread serves; SIGTERM ends the process
}
