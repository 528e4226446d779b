#pragma once
#include <ostream>
#include <string>

namespace hw::cli {

// `headwater source validate DIR`: DIR is Sources/NAME or its Artifacts folder. Prints one
// line per problem, `FILE:JSONPATH: message` for errors and `FILE:JSONPATH: warning: message`
// for warnings (toolkit/artifact_check.hpp says what is checked), then
// `N error(s), M warning(s)`. Returns 1 when there is any error, else 0.
int source_validate(const std::string& dir, std::ostream& out);

}  // namespace hw::cli
