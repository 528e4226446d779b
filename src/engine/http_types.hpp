#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace hw::engine {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One request to the source. `secrets` are values that must never appear in a log line,
// an error or a run record: describe() redacts them.
struct UpstreamRequest {
  std::string method = "GET";
  std::string url;
  HeaderList headers;
  std::string body;
  std::vector<std::string> secrets;

  void set_header(std::string name, std::string value);
  // The URL with every secret replaced by "***" (engine/redact.hpp), for messages.
  std::string describe() const;
};

// Bytes a response body keeps spare past its end: simdjson reads up to 64 bytes beyond a
// document, so a page with this room is parsed in place.
inline constexpr std::size_t kBodyPadding = 64;

struct UpstreamResponse {
  long status = 0;
  HeaderList headers;  // names lower-cased
  std::string body;
  unsigned attempts = 1;  // how often the request was sent to get this answer

  const std::string* header(std::string_view lower_name) const;
};

}  // namespace hw::engine
