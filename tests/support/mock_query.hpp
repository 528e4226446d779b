#pragma once
#include <map>
#include <string>
#include <string_view>

namespace hw::test::mock {

using QueryParams = std::map<std::string, std::string>;

struct Target {
  std::string path;  // percent-decoded
  QueryParams query;
};

// Splits a request target into its decoded path and query. Query names and values are
// form-decoded (`+` is a space), as upstream web frameworks do; a repeated name keeps its
// first value. Malformed escapes stay as sent.
Target parse_target(std::string_view target);

}  // namespace hw::test::mock
