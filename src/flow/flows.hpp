#pragma once
#include <optional>
#include <string_view>

#include "connection/params_resource.hpp"
#include "spec/registry.hpp"

namespace hw::flow {

// Dataflows (`/flows`): a ParamsResource checked by check_flow, with its params in
// `options`. flowSpec, state and the connection lists are fixed once created; the action
// endpoint changes state through set_state.
class Flows : public connection::ParamsResource {
 public:
  Flows(store::Store& store, const crypto::SecretBox& box, spec::SpecRegistry& specs);

  // Throws ApiError 404 / 412 (stale If-Match).
  void remove(const store::Scope& scope, std::string_view id,
              std::optional<std::string_view> if_match);
};

}  // namespace hw::flow
