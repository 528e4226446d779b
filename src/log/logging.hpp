#pragma once
#include <string>

namespace hw::log {

// Logs go to stderr, as text or as JSON lines ({"time","level","msg"}).
// Throws std::invalid_argument for an unknown format or level.
void setup(const std::string& format, const std::string& level);

}  // namespace hw::log
