#include "toolkit/api_client.hpp"

#include <curl/curl.h>

#include <boost/json.hpp>
#include <mutex>
#include <stdexcept>

#include "json/parse.hpp"

namespace hw::toolkit {
namespace {

constexpr std::size_t kMaxAnswerBytes = 64u << 20;
constexpr long kConnectTimeoutMs = 5'000;
constexpr long kTimeoutMs = 120'000;

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  if (body->size() + n > kMaxAnswerBytes) return 0;  // libcurl stops with a write error
  body->append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    if (line.starts_with("HTTP/")) headers->clear();  // a new response (after a 100)
    return size * count;
  }
  std::string name(line.substr(0, colon));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  headers->emplace_back(std::move(name), std::string(value));
  return size * count;
}

}  // namespace

std::optional<std::string> ApiResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return value;
  return std::nullopt;
}

std::string ApiResponse::describe_error() const {
  std::string out = std::to_string(status);
  const auto parsed = json::parse(body);
  const auto* error = parsed.ok ? parsed.value.if_object() : nullptr;
  if (!error || !error->contains("message")) {
    constexpr std::size_t kMax = 300;
    return body.empty() ? out : out + ": " + body.substr(0, kMax);
  }
  if (const auto* code = error->if_contains("code"); code && code->is_string())
    out += " " + std::string(code->get_string());
  const auto message = boost::json::value_to<std::string>(error->at("message"));
  out += ": " + message;
  if (const auto* errors = error->if_contains("errors"); errors && errors->is_array()) {
    for (const auto& e : errors->get_array()) {
      const auto* o = e.if_object();
      if (!o || !o->contains("path") || !o->contains("message")) continue;
      const auto detail = boost::json::value_to<std::string>(o->at("message"));
      // A failed /test repeats its reason under errors[]: once is enough to act on.
      if (message.find(detail) != std::string::npos) continue;
      out += "; " + boost::json::value_to<std::string>(o->at("path")) + ": " + detail;
    }
  }
  return out;
}

struct ApiClient::Handle {
  CURL* curl = nullptr;
  ~Handle() { curl_easy_cleanup(curl); }
};

ApiClient::ApiClient(ServerOptions options)
    : handle_(std::make_unique<Handle>()), options_(std::move(options)) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  handle_->curl = curl_easy_init();
  if (!handle_->curl) throw std::runtime_error("libcurl could not create a handle");
  while (!options_.url.empty() && options_.url.back() == '/') options_.url.pop_back();
}

ApiClient::~ApiClient() = default;

ApiResponse ApiClient::send(std::string_view method, std::string_view path, const std::string& body,
                            std::string_view content_type,
                            const std::vector<std::pair<std::string, std::string>>& extra) {
  CURL* curl = handle_->curl;
  curl_easy_reset(curl);
  const std::string url = options_.url + std::string(path);
  const std::string verb(method);
  std::vector<std::string> lines = {"Authorization: Bearer " + options_.token,
                                    "x-api-key: headwater-cli",
                                    "x-gw-ims-org-id: " + options_.org,
                                    "x-sandbox-name: " + options_.sandbox,
                                    "Accept: application/json",
                                    "Content-Type: " + std::string(content_type),
                                    "Expect:"};  // no 100-continue round trip for large bodies
  for (const auto& [name, value] : extra) lines.push_back(name + ": " + value);
  curl_slist* headers = nullptr;
  for (const auto& line : lines) headers = curl_slist_append(headers, line.c_str());
  ApiResponse response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, kTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (verb != "GET" && verb != "DELETE") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK)
    throw std::runtime_error("cannot reach the server at " + options_.url + " (" +
                             curl_easy_strerror(rc) + "); is `headwater serve` running there?");
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace hw::toolkit
