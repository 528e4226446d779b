#pragma once
#include <ostream>
#include <string>

#include "toolkit/api_client.hpp"

namespace hw::cli {

// `headwater source register DIR [--server URL] [--token T] [--org O] [--sandbox S]`:
// validates DIR as `source validate` does and, when it has no error, registers it with the
// server (toolkit/register_source.hpp). Prints the connection spec's id alone on `out`,
// what was done on `err`. Returns 1, having registered nothing, when the artifacts have
// errors (listed on `err`), and 1 when the server refuses a step or cannot be reached.
int source_register(const std::string& dir, const toolkit::ServerOptions& server, std::ostream& out,
                    std::ostream& err);

}  // namespace hw::cli
