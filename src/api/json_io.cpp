#include "api/json_io.hpp"

#include <boost/json.hpp>

#include "http/error.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"
#include "resource/documents.hpp"

namespace hw::api {
namespace {

bool is_json_media_type(std::string_view value) {
  const auto semicolon = value.find(';');
  std::string type(value.substr(0, semicolon));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json" || type == "application/json-patch+json" ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

}  // namespace

boost::json::value read_json(const http::Request& request) {
  const auto content_type = request.header("content-type");
  if (!content_type || !is_json_media_type(*content_type)) {
    throw http::ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                         "the body must be JSON; send 'Content-Type: application/json'",
                         {{"headers.content-type", content_type ? "'" + std::string(*content_type) +
                                                                      "' is not a JSON media type"
                                                                : "missing"}});
  }
  auto parsed = json::parse(request.body);
  if (!parsed.ok) {
    throw http::ApiError(400, "MALFORMED_JSON", "the body is not valid JSON: " + parsed.error,
                         {{"$", parsed.error}});
  }
  return std::move(parsed.value);
}

boost::json::value read_json_object(const http::Request& request) {
  auto value = read_json(request);
  if (!value.is_object()) {
    throw http::ApiError(400, "INVALID_REQUEST", "the body must be a JSON object",
                         {{"$", "expected an object"}});
  }
  return value;
}

std::optional<std::string_view> if_match(const http::Request& request) {
  auto value = request.header("if-match");
  if (!value) return std::nullopt;
  return resource::normalize_etag(*value);
}

http::Response json_response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

http::Response item_response(const store::Document& doc) {
  std::string body;
  body.reserve(doc.body.size() + 12);
  body += "{\"items\":[";
  body += doc.body;
  body += "]}";
  http::Response r = json_response(200, std::move(body));
  r.headers.emplace_back("ETag", "\"" + doc.etag + "\"");
  return r;
}

http::Response object_response(int status, const boost::json::object& object) {
  http::Response r = json_response(status, hw::json::serialize(object));
  if (auto etag = object.if_contains("etag"); etag && etag->is_string()) {
    r.headers.emplace_back("ETag", std::string(etag->get_string()));
  }
  return r;
}

}  // namespace hw::api
