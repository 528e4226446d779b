#pragma once
#include <simdjson.h>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "jsonpath/jsonpath.hpp"

namespace hw::engine::pagination {

// The path a spec field names: a JSONPath, or (as validation accepts for pointerPath) a plain
// field name of the page's root. Throws RunError("INVALID_SPEC") when it is empty or does not
// parse.
jsonpath::Path page_path(std::string_view field, std::string_view text);

// The page values a paginator steers by (next link, token, page count, has-more flag). The
// page was already parsed once for its records; this second parse reuses its buffers across
// pages, and a Boost.JSON tree is built only for paths simdjson cannot walk.
class PageReader {
 public:
  // `body` must outlive the reads that follow. Throws RunError("MALFORMED_PAGE") when it is
  // not JSON.
  void load(std::string_view body);

  // The scalar at `path` as text: a string as it is, a number or a boolean as JSON writes it;
  // nullopt when the path is absent or null. Throws RunError("MALFORMED_PAGE") when it leads
  // to an object or an array.
  std::optional<std::string> text_at(const jsonpath::Path& path);

 private:
  std::optional<std::string> tree_text_at(const jsonpath::Path& path);

  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
  std::string_view body_;
  std::optional<boost::json::value> tree_;
};

}  // namespace hw::engine::pagination
