#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hw::util {

// A random RFC 4122 version-4 UUID, e.g. "1f0c7a8e-…".
std::string new_uuid();
// A UUID-shaped id derived from `name` (SHA-256), stable across runs.
std::string stable_uuid(std::string_view name);
// An opaque version tag for optimistic concurrency (unquoted).
std::string new_etag();
// Milliseconds since the Unix epoch.
std::int64_t now_ms();

}  // namespace hw::util
