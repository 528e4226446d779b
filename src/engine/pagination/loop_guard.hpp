#pragma once
#include <cstddef>
#include <string_view>
#include <unordered_set>

#include "engine/http_types.hpp"

namespace hw::engine::pagination {

// Remembers every next-page link or token a run has followed. Meeting one again means the
// source points back at a page already read, and following it would never end.
class LoopGuard {
 public:
  // Throws RunError("PAGINATION_LOOP") when `next` was admitted before; `request` is the one
  // whose answer gave it, `what` says what `next` is ("next link", "continuation token").
  void admit(std::string_view next, const UpstreamRequest& request, std::string_view what);

 private:
  // Hashes, not the values: a long run keeps 8 bytes per page, and two different links
  // sharing a 64-bit hash is far less likely than any real failure.
  std::unordered_set<std::size_t> seen_;
};

}  // namespace hw::engine::pagination
