#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Plain request/response types: the API layer never sees Boost.Beast, which
// keeps it thin and keeps Beast's compile cost in one translation unit.
namespace hw::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper case, e.g. "GET"
  std::string target;  // as received, e.g. "/a/b?x=1"
  std::string path;    // percent-decoded, without the query
  Fields query;        // decoded, in order; a name may repeat
  Fields headers;      // names lower-cased
  std::string body;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::vector<std::string_view> query_params(std::string_view name) const;
};

struct Response;
// Delivers a response that was not ready when the handler returned; callable from any thread.
using Reply = std::function<void(Response)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  Fields headers;
  std::string body;
  // Set by a handler that answers later (an inlet answers once its events are on disk): the
  // server calls it once, with the Reply that sends the real response, and sends nothing else.
  std::function<void(Reply)> later;
};

// Splits `target` into path and query, percent-decoding both. Returns false when
// the target is not an origin-form path or its escapes are malformed.
bool parse_target(std::string_view target, Request& out);

}  // namespace hw::http
