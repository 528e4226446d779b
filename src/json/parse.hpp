#pragma once
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace hw::json {

// Nesting deeper than this is refused: real specs stay under 20 levels, and a
// bound keeps hostile bodies from exhausting the stack anywhere downstream.
inline constexpr std::size_t kMaxDepth = 64;

struct ParseOutcome {
  bool ok = false;
  boost::json::value value;
  std::string error;  // e.g. "line 3, column 7: syntax error" or "nesting deeper than 64 levels"
};

// Parses one JSON document. Duplicate object keys are accepted and the last one
// wins (DESIGN §2). Comments, trailing commas and invalid UTF-8 are refused.
ParseOutcome parse(std::string_view text, std::size_t max_depth = kMaxDepth);

}  // namespace hw::json
