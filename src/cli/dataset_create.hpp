#pragma once
#include <ostream>
#include <string>

#include "toolkit/api_client.hpp"

namespace hw::cli {

// `headwater dataset create NAME [--server URL] [--token T] [--org O] [--sandbox S]`:
// creates a Catalog dataset named NAME and prints its id alone on `out`, so
// `DATASET=$(headwater dataset create "Acme contacts")` works. Returns 1, with
// `headwater dataset create: …` on `err`, when the server refuses or cannot be reached.
int dataset_create(const std::string& name, const toolkit::ServerOptions& server, std::ostream& out,
                   std::ostream& err);

}  // namespace hw::cli
