#include "engine/fetcher.hpp"

#include <curl/curl.h>

#include <mutex>

#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

struct Sink {
  UpstreamResponse* response;
  std::size_t limit;
  CURL* curl;
  bool overflow = false;
};

// Room for the page and the parser's padding, sized from Content-Length when the source
// sends one and grown geometrically otherwise, so a page is neither copied as it arrives
// nor again when it is parsed.
void make_room(Sink& sink, std::size_t more) {
  auto& body = sink.response->body;
  const std::size_t needed = body.size() + more + kBodyPadding;
  if (body.capacity() >= needed) return;
  curl_off_t announced = -1;
  if (body.empty() &&
      curl_easy_getinfo(sink.curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK &&
      announced > 0 && static_cast<std::size_t>(announced) <= sink.limit) {
    body.reserve(static_cast<std::size_t>(announced) + kBodyPadding);
    if (body.capacity() >= needed) return;
  }
  body.reserve(std::max(needed, 2 * body.capacity()));
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->response->body.size() + n > sink->limit) {
    sink->overflow = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  make_room(*sink, n);
  sink->response->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = static_cast<UpstreamResponse*>(user);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    if (line.starts_with("HTTP/"))
      response->headers.clear();  // a new response (after 100 or a redirect)
    return size * count;
  }
  std::string name(line.substr(0, colon));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  response->headers.emplace_back(std::move(name), std::string(value));
  return size * count;
}

}  // namespace

struct Fetcher::Handle {
  CURL* curl = nullptr;
  ~Handle() { curl_easy_cleanup(curl); }
};

Fetcher::Fetcher(FetchOptions options) : handle_(std::make_unique<Handle>()), options_(options) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  handle_->curl = curl_easy_init();
  if (!handle_->curl) throw std::runtime_error("libcurl could not create a handle");
}

Fetcher::~Fetcher() = default;

UpstreamResponse Fetcher::fetch(const UpstreamRequest& request) {
  CURL* curl = handle_->curl;
  curl_easy_reset(curl);
  UpstreamResponse response;
  Sink sink{&response, options_.max_body_bytes, curl};
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers)
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip on POST bodies
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                   static_cast<long>((options_.connect_timeout + options_.read_timeout).count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when the source offers it
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK && sink.overflow) {
    throw RunError("PAGE_TOO_LARGE", request.method + " " + request.describe() +
                                         " answered more than " +
                                         std::to_string(options_.max_body_bytes) + " bytes");
  }
  if (rc != CURLE_OK) {
    throw RunError("NETWORK", request.method + " " + request.describe() +
                                  " failed: " + curl_easy_strerror(rc));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace hw::engine
