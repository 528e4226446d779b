#pragma once
#include <string_view>

#include "run/schedule.hpp"
#include "store/store.hpp"

namespace hw::run {

// A flow's FlowState lives in the store (kind "flowStates", keyed by flow id), so the
// previous window's end survives a restart.
FlowState load_flow_state(store::Store& store, const store::Scope& scope, std::string_view flow_id);
void save_flow_state(store::Store& store, const store::Scope& scope, std::string_view flow_id,
                     const FlowState& state);

}  // namespace hw::run
