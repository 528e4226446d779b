#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include "http/error.hpp"

namespace hw::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

Response run(const Handler& handler, const Request& request, const Params& params) {
  try {
    return handler(request, params);
  } catch (const ApiError& e) {
    return error_response(e);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", request.method, request.path, e.what());
    return error_response(500, "INTERNAL_ERROR",
                          "an internal error occurred; the server log has the details");
  }
}

}  // namespace

const std::string& Params::operator[](std::string_view name) const {
  for (const auto& [key, value] : values_)
    if (key == name) return value;
  static const std::string empty;
  return empty;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string> segments;
  for (auto part : split_path(pattern)) segments.emplace_back(part);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

bool Router::match(const Route& route, const std::vector<std::string_view>& parts, Params& params) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (is_param(segment)) {
      params.bind(segment.substr(1, segment.size() - 2), std::string(parts[i]));
    } else if (segment != parts[i]) {
      return false;
    }
  }
  return true;
}

Dispatched Router::dispatch(const Request& request) const {
  const auto parts = split_path(request.path);
  std::string allowed;
  std::string_view matched_pattern;
  for (const auto& route : routes_) {
    Params params;
    if (!match(route, parts, params)) continue;
    if (route.method == request.method) return {run(route.handler, request, params), route.pattern};
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
    matched_pattern = route.pattern;
  }
  if (allowed.empty()) {
    return {error_response(404, "NOT_FOUND", "no resource at '" + request.path + "'"), "unmatched"};
  }
  Response r = error_response(
      405, "METHOD_NOT_ALLOWED",
      request.method + " is not allowed on '" + request.path + "'; allowed: " + allowed);
  r.headers.emplace_back("Allow", allowed);
  return {std::move(r), matched_pattern};
}

}  // namespace hw::http
