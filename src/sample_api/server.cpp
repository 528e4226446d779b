#include "sample_api/server.hpp"

#include <boost/system/system_error.hpp>

#include <stdexcept>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "sample_api/routes.hpp"

namespace hw::sample_api {
namespace {

// An IPv6 address goes in brackets in a URL.
std::string url_host(const std::string& bind) {
  return bind.find(':') == std::string::npos ? bind : "[" + bind + "]";
}

// What to change when listening fails: the port when it is taken or reserved, else the
// address (not an IP address, or not one of this machine's).
std::string listen_hint(const boost::system::error_code& error) {
  if (error == boost::system::errc::address_in_use ||
      error == boost::system::errc::permission_denied)
    return "choose another --port, or --port 0 for a free one";
  return "--bind takes an IP address of this machine, such as 127.0.0.1 or 0.0.0.0";
}

void listen(http::Server& server, const ServeOptions& options) {
  try {
    server.listen();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("sample-api: cannot listen on " + url_host(options.bind) + ":" +
                             std::to_string(options.port) + ": " + e.code().message() + " (" +
                             listen_hint(e.code()) + ")");
  }
}

}  // namespace

void serve(const ServeOptions& options, std::ostream& announce) {
  http::Router router;
  register_routes(router, options.contacts);
  http::Metrics metrics;
  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.threads = 1;  // a learning aid, not a load target
  http::Server server(server_options, router, metrics);
  listen(server, options);
  // The tutorial and the tests read the port from this line, from a pipe.
  announce << "sample API listening on http://" << url_host(options.bind) << ":" << server.port()
           << " (user " << kUsername << ", password " << kPassword << ")" << std::endl;
  server.run();
}

}  // namespace hw::sample_api
