#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

namespace hw::test {

// Header names compare without regard to case (RFC 9110).
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  // Repeated response headers are joined with ", ".
  std::map<std::string, std::string, CaseInsensitiveLess> headers;

  // Throws std::runtime_error carrying the body when it is not JSON, so a failing test
  // shows what the server actually said.
  boost::json::value json() const;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// A synchronous client for integration tests. Every request carries the Adobe headers a
// real client sends; a caller overrides one by passing the same name, or suppresses it by
// passing an empty value. Transport failures (refused, timeout) throw std::runtime_error.
class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  // `path` is appended to the base URL unless it is already an absolute http(s) URL.
  HttpResponse request(std::string_view method, std::string_view path, std::string_view body = {},
                       const HeaderList& headers = {});

  HttpResponse get(std::string_view path, const HeaderList& headers = {});
  HttpResponse post(std::string_view path, std::string_view body, const HeaderList& headers = {});
  HttpResponse put(std::string_view path, std::string_view body, const HeaderList& headers = {});
  HttpResponse patch(std::string_view path, std::string_view body, const HeaderList& headers = {});
  HttpResponse del(std::string_view path, const HeaderList& headers = {});

  void set_org(std::string org);
  void set_sandbox(std::string sandbox);
  const std::string& base_url() const { return base_url_; }

 private:
  struct Handle;

  HeaderList effective_headers(bool has_body, const HeaderList& overrides) const;

  std::string base_url_;
  std::string org_ = "TESTORG@AdobeOrg";
  std::string sandbox_ = "prod";
  std::unique_ptr<Handle> handle_;
};

}  // namespace hw::test
