#pragma once
#include <ostream>
#include <string>

#include "toolkit/api_client.hpp"

namespace hw::cli {

struct VerifyCommandOptions {
  std::string env_file;
  toolkit::ServerOptions server;
  bool keep = false;
  bool json = false;
  bool terminal = false;  // `out` is a terminal: a live line while verify waits
};

// `headwater verify --env FILE [--server URL] [--keep] [--json]` (toolkit/verify.hpp): a
// line per step on `out` (✓ or ✗, its time, the server's error), or with --json one JSON
// report. Problems with the env file go to `err`. Returns 0 only when every step passed.
int verify_command(const VerifyCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hw::cli
