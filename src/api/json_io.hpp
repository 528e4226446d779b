#pragma once
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "store/store.hpp"

namespace hw::api {

// The request body as JSON. Throws ApiError 415 for a non-JSON Content-Type and 400
// for malformed JSON.
boost::json::value read_json(const http::Request& request);
// The same, and 400 unless the document is an object.
boost::json::value read_json_object(const http::Request& request);

// The If-Match header, normalized (quotes and W/ removed), if any.
std::optional<std::string_view> if_match(const http::Request& request);

http::Response json_response(int status, std::string body);
// {"items":[<stored body>]} with the document's ETag.
http::Response item_response(const store::Document& doc);
// The stored object itself (connectionSpecs and flowSpecs answer create/update so).
http::Response object_response(int status, const boost::json::object& object);

}  // namespace hw::api
