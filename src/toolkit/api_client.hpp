#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hw::toolkit {

// How the author's commands reach a Headwater server (DESIGN §1: --server, --token, --org,
// --sandbox, or HEADWATER_SERVER, _TOKEN, _ORG, _SANDBOX). A local server accepts any token.
struct ServerOptions {
  std::string url = "http://localhost:8080";
  std::string token = "local";
  std::string org = "local@AdobeOrg";
  std::string sandbox = "prod";
};

struct ApiResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  std::optional<std::string> header(std::string_view lower_name) const;
  // "400 INVALID_REQUEST: message" plus "; path: message" per error of the API's error
  // shape (unless the message already says it), or the status and the body's start when it
  // is not that shape.
  std::string describe_error() const;
};

// Synchronous calls to the Flow Service API with the headers every call needs (DESIGN §2).
class ApiClient {
 public:
  explicit ApiClient(ServerOptions options);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  // `path` starts with '/'. Any HTTP status is an answer; a server that cannot be reached
  // throws std::runtime_error saying so.
  ApiResponse send(std::string_view method, std::string_view path, const std::string& body = {},
                   std::string_view content_type = "application/json",
                   const std::vector<std::pair<std::string, std::string>>& extra_headers = {});

  const ServerOptions& options() const { return options_; }

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  ServerOptions options_;
};

}  // namespace hw::toolkit
