#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace hw::toolkit {

struct ReadOutcome {
  bool ok = false;
  std::string text;
  std::string error;  // e.g. "is not a regular file", "is larger than 262144 bytes"
};

// The whole of `path` when it is a regular file (symbolic links followed) of at most
// `max_bytes`. Artifacts come from anyone: a FIFO, a device or a huge file is refused
// without blocking or reading more than max_bytes + 1 bytes.
ReadOutcome read_bounded(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace hw::toolkit
