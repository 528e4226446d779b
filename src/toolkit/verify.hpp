#pragma once
#include <ostream>

#include "toolkit/api_client.hpp"
#include "toolkit/verify_env.hpp"
#include "toolkit/verify_report.hpp"

namespace hw::toolkit {

struct VerifyOptions {
  bool keep = false;             // leave the flow in place
  std::ostream* text = nullptr;  // step lines as they end; null for --json
  bool terminal = false;         // `text` is a terminal: a live line while waiting
};

// The local equivalent of the Sources SDK verification collection, through the API of the
// server `client` reaches:
// - batch: connection, /test, /explore, source connection, dataset, target connection,
//   mapping set (when the env has mappings), a `once` flow on RestStorageToAEP, its run
//   (which must succeed and land records), a sample of what landed;
// - streaming: connection (HMAC Authentication by default), source connection, dataset,
//   target connection, mapping set, a flow on GenericStreamingAEP, the env's sample events
//   signed and posted to the inlet, a wait until they landed, a sample;
// then the flow is deleted unless `keep`. A failed step stops the ones after it.
VerifyReport verify(ApiClient& client, const VerifyEnv& env, const VerifyOptions& options);

}  // namespace hw::toolkit
