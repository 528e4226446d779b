#pragma once
#include <optional>
#include <string_view>

namespace hw::resources {

// JSON files under resources/, compiled into the binary. `name` is the path
// relative to resources/, e.g. "builtins/flow_spec_rest_storage_to_aep.json".
std::optional<std::string_view> find(std::string_view name);

}  // namespace hw::resources
