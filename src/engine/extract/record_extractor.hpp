#pragma once
#include <simdjson.h>

#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "jsonpath/jsonpath.hpp"

namespace hw::engine {

// Turns a page into records: each element of the array at `contentPath`, as its own
// serialized JSON (no DOM is rebuilt), wrapped as {"W": element} when the spec names an
// `overrideWrapperAttribute` W. Reuses one simdjson parser across pages.
class RecordExtractor {
 public:
  using Sink = std::function<void(std::string_view record)>;

  // From `sourceSpec.attributes` (contentPath as a string or {path, …}). Throws RunError
  // when the path does not parse.
  explicit RecordExtractor(const boost::json::object& attributes);

  // Returns the number of records. Throws RunError("MALFORMED_PAGE") when the page is not
  // JSON, or when contentPath does not lead to an array (a missing path is an empty page).
  std::size_t extract(std::string_view page, const Sink& sink);

 private:
  std::size_t emit_array(simdjson::dom::array array, const Sink& sink);
  std::size_t extract_general(std::string_view page, const Sink& sink);

  jsonpath::Path path_;
  bool singular_ = false;  // only names and indexes, optionally ending in [*]: walked on simdjson
  std::string wrapper_;
  std::string buffer_;
  simdjson::dom::parser parser_;
};

}  // namespace hw::engine
