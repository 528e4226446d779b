#include "support/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <new>
#include <stdexcept>

namespace hw::test {
namespace {

constexpr long kTimeoutMs = 30'000;

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

bool has_header(const HeaderList& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& header) { return iequals(header.first, name); });
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

Slist to_slist(const HeaderList& headers) {
  Slist list;
  for (const auto& [name, value] : headers) {
    // "Name:" with nothing after the colon makes curl send no such header at all,
    // not even one it would add by itself.
    const std::string line = value.empty() ? name + ":" : name + ": " + value;
    curl_slist* grown = curl_slist_append(list.get(), line.c_str());
    if (grown == nullptr) throw std::bad_alloc();
    // Only the first append returns a new head.
    if (grown != list.get()) list.reset(grown);
  }
  return list;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& headers = static_cast<HttpResponse*>(user)->headers;
  const std::string_view line(data, size * count);
  // Each status line starts a new response (after a 100 Continue, say); only the last
  // response's headers are the answer.
  if (line.starts_with("HTTP/")) {
    headers.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string value(trim(line.substr(colon + 1)));
  const auto [it, inserted] = headers.try_emplace(std::string(trim(line.substr(0, colon))), value);
  if (!inserted) it->second += ", " + value;
  return size * count;
}

// POST, PUT and PATCH always carry a body, even an empty one, so that curl sends
// Content-Length: 0 instead of nothing.
void set_method(CURL* curl, const std::string& verb, std::string_view body) {
  const bool sends_body = !body.empty() || verb == "POST" || verb == "PUT" || verb == "PATCH";
  if (verb == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (sends_body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());
  } else {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  const std::string_view natural = verb == "HEAD" ? "HEAD" : sends_body ? "POST" : "GET";
  if (verb != natural) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb.c_str());
}

bool is_absolute(std::string_view path) {
  return path.starts_with("http://") || path.starts_with("https://");
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

boost::json::value HttpResponse::json() const {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) {
    throw std::runtime_error("HTTP " + std::to_string(status) + " response is not JSON (" +
                             ec.message() + "): " + body);
  }
  return value;
}

struct HttpClient::Handle {
  CURL* curl = curl_easy_init();
  char error[CURL_ERROR_SIZE] = {};

  Handle() {
    if (curl == nullptr) throw std::runtime_error("curl_easy_init failed");
  }
  ~Handle() { curl_easy_cleanup(curl); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)) {
  init_curl_once();
  handle_ = std::make_unique<Handle>();
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::request(std::string_view method, std::string_view path,
                                 std::string_view body, const HeaderList& headers) {
  CURL* curl = handle_->curl;
  // Reset forgets the previous request's options but keeps its connection alive.
  curl_easy_reset(curl);
  const std::string url = is_absolute(path) ? std::string(path) : base_url_ + std::string(path);
  const std::string verb(method);
  const Slist header_list = to_slist(effective_headers(!body.empty(), headers));
  HttpResponse response;
  handle_->error[0] = '\0';
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, handle_->error);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, kTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  set_method(curl, verb, body);
  const CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    const std::string reason = handle_->error[0] != '\0' ? handle_->error : curl_easy_strerror(rc);
    throw std::runtime_error(verb + " " + url + ": " + reason);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

HttpResponse HttpClient::get(std::string_view path, const HeaderList& headers) {
  return request("GET", path, {}, headers);
}

HttpResponse HttpClient::post(std::string_view path, std::string_view body,
                              const HeaderList& headers) {
  return request("POST", path, body, headers);
}

HttpResponse HttpClient::put(std::string_view path, std::string_view body,
                             const HeaderList& headers) {
  return request("PUT", path, body, headers);
}

HttpResponse HttpClient::patch(std::string_view path, std::string_view body,
                               const HeaderList& headers) {
  return request("PATCH", path, body, headers);
}

HttpResponse HttpClient::del(std::string_view path, const HeaderList& headers) {
  return request("DELETE", path, {}, headers);
}

void HttpClient::set_org(std::string org) {
  org_ = std::move(org);
}

void HttpClient::set_sandbox(std::string sandbox) {
  sandbox_ = std::move(sandbox);
}

HeaderList HttpClient::effective_headers(bool has_body, const HeaderList& overrides) const {
  HeaderList defaults = {{"Authorization", "Bearer test-token"},
                         {"x-api-key", "test-client"},
                         {"x-gw-ims-org-id", org_},
                         {"x-sandbox-name", sandbox_}};
  if (has_body) defaults.emplace_back("Content-Type", "application/json");
  HeaderList result;
  for (const auto& header : defaults) {
    if (!has_header(overrides, header.first)) result.push_back(header);
  }
  result.insert(result.end(), overrides.begin(), overrides.end());
  // curl would add these itself: a form Content-Type to every body, and an
  // Expect: 100-continue that stalls large bodies. Listing them empty suppresses both.
  for (const char* name : {"Content-Type", "Expect"}) {
    if (!has_header(result, name)) result.emplace_back(name, "");
  }
  return result;
}

}  // namespace hw::test
