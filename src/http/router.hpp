#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace hw::http {

// Values bound to `{name}` segments of a route pattern.
class Params {
 public:
  void bind(std::string name, std::string value) {
    values_.emplace_back(std::move(name), std::move(value));
  }
  const std::string& operator[](std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

using Handler = std::function<Response(const Request&, const Params&)>;

struct Dispatched {
  Response response;
  std::string_view route;  // the matched pattern, or "unmatched"; stable for metrics labels
};

class Router {
 public:
  // `pattern` is a path whose segments may be `{name}`, e.g. "/flowSpecs/{id}".
  void add(std::string method, std::string pattern, Handler handler);

  // Runs the handler; answers 404 for an unknown path and 405 (with Allow) for a
  // known path with the wrong method. Exceptions become the API error shape.
  Dispatched dispatch(const Request& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const Route& route, const std::vector<std::string_view>& parts, Params& params);

  std::vector<Route> routes_;
};

}  // namespace hw::http
