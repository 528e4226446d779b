#pragma once
#include "spec/issue.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <vector>

// Internal to schema_check: turns valijson's results into our issues.
namespace hw::spec::detail {

// One valijson error: its context (`<root>`, `[name]`, `[0]`, ...) and description.
struct RawError {
  std::vector<std::string> context;
  std::string description;
};

// Appends one error per problem to `out`, with dotted paths below `base_path` and readable
// messages. `schema` (the schema as written) supplies the expected types, enums and patterns
// that valijson's messages leave out. Errors that only say "a child failed" are dropped when
// the child's own error is there.
void add_schema_errors(const std::vector<RawError>& raw, const boost::json::value& instance,
                       const boost::json::value& schema, const std::string& base_path, Report& out);

}  // namespace hw::spec::detail
