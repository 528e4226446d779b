#pragma once
#include <ostream>
#include <string>

namespace hw::cli {

// `headwater spec lint FILE`: validates a connection spec file and prints one line per
// problem, `PATH: message` for errors and `PATH: warning: message` for warnings, then
// `N error(s), M warning(s)`. Returns 1 when there is any error (an unreadable or unparsable
// file included), else 0.
int spec_lint(const std::string& file, std::ostream& out);

}  // namespace hw::cli
