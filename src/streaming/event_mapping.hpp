#pragma once
#include <string>
#include <string_view>

#include "streaming/stream_flow.hpp"

namespace hw::streaming {

// What an event lands as in a flow's dataset: the flow's mapping set applied to it, or the
// event itself when the flow has none. Exactly one member is set.
struct MappedEvent {
  std::string record;
  std::string error;  // why the event cannot land in this flow
};

// The same check backs ?syncValidation=true and the lander, so a message that passes one
// never fails the other.
MappedEvent map_event(const StreamFlow& flow, std::string_view record);

}  // namespace hw::streaming
