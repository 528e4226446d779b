#pragma once
#include "config/serve_config.hpp"

namespace hw::cli {

// Runs the server until SIGTERM/SIGINT; returns the process exit code.
int serve(const config::ServeConfig& config);

}  // namespace hw::cli
