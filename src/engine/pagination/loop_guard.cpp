#include "engine/pagination/loop_guard.hpp"

#include <functional>
#include <string>

#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"

namespace hw::engine::pagination {

void LoopGuard::admit(std::string_view next, const UpstreamRequest& request,
                      std::string_view what) {
  if (seen_.insert(std::hash<std::string_view>{}(next)).second) return;
  throw RunError("PAGINATION_LOOP",
                 "the answer to " + request.method + " " + request.describe() + " gave the " +
                     std::string(what) + " '" + shown(next, request) +
                     "' a second time, so the source would repeat pages already read; check the "
                     "spec's paginationParams");
}

}  // namespace hw::engine::pagination
