#pragma once
#include "http/message.hpp"
#include "http/request_context.hpp"
#include "streaming/inlet_registry.hpp"

namespace hw::streaming {

// Whether `request` may write to `inlet` (DESIGN §5). A refusal carries no detail: what
// was wrong with a signature would help forge the next one.
bool inlet_admits(const Inlet& inlet, const http::Request& request,
                  const http::AccessPolicy& policy);

// The one message of a 401 for the inlet's method.
std::string_view refusal_message(const Inlet& inlet);

}  // namespace hw::streaming
