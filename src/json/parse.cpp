#include "json/parse.hpp"

#include <boost/json/stream_parser.hpp>

#include <algorithm>

namespace hw::json {
namespace {

// Line and column (1-based) of a byte offset, so authors can find the problem in their file.
std::string locate(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

ParseOutcome parse(std::string_view text, std::size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = boost::json::error::extra_data;
  if (!ec) parser.finish(ec);

  ParseOutcome out;
  if (ec) {
    if (ec == boost::json::error::too_deep) {
      out.error = "nesting deeper than " + std::to_string(max_depth) + " levels";
    } else if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      out.error = "the body is empty; a JSON document is required";
    } else {
      out.error = locate(text, consumed) + ": " + ec.message();
    }
    return out;
  }
  out.ok = true;
  out.value = parser.release();
  return out;
}

}  // namespace hw::json
