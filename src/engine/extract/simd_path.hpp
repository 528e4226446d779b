#pragma once
#include <simdjson.h>

#include <optional>

#include "jsonpath/jsonpath.hpp"

// The JSONPaths specs mostly use (names and indexes) are followed on a simdjson DOM, so a
// page is never rebuilt as a Boost.JSON tree just to find one node in it.
namespace hw::engine {

// Whether `path` is only single names and indexes, without `..`. With `trailing_wildcard`,
// one final `[*]` is admitted too (simd_walk stops before it).
bool simd_walkable(const jsonpath::Path& path, bool trailing_wildcard);

// Follows a simd_walkable path from `root`; nullopt when a step is absent. A negative index
// counts from the end of its array, as in RFC 9535.
std::optional<simdjson::dom::element> simd_walk(simdjson::dom::element root,
                                                const jsonpath::Path& path);

}  // namespace hw::engine
