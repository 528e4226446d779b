#include "http/error.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"

namespace hw::http {

Response error_response(int status, std::string code, std::string message,
                        std::vector<spec::Issue> errors) {
  boost::json::array items;
  for (auto& issue : errors) items.push_back({{"path", issue.path}, {"message", issue.message}});
  boost::json::object body{{"code", std::move(code)},
                           {"message", std::move(message)},
                           {"status", status},
                           {"errors", std::move(items)}};
  Response r;
  r.status = status;
  r.body = hw::json::serialize(body);
  return r;
}

Response error_response(const ApiError& error) {
  Response r = error_response(error.status(), error.code(), error.what(), error.errors());
  r.headers = error.headers();
  return r;
}

ApiError not_found(std::string_view what, std::string_view id) {
  return ApiError(404, "NOT_FOUND",
                  std::string(what) + " '" + std::string(id) +
                      "' was not found in this organization and sandbox");
}

ApiError bad_request(std::string message, std::vector<spec::Issue> errors) {
  return ApiError(400, "INVALID_REQUEST", std::move(message), std::move(errors));
}

}  // namespace hw::http
