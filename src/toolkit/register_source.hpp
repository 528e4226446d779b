#pragma once
#include <boost/json/object.hpp>

#include <string>

#include "toolkit/api_client.hpp"
#include "toolkit/artifact_check.hpp"

namespace hw::toolkit {

struct RegisterResult {
  std::string id;
  bool created = false;             // else an earlier registration was replaced
  std::string flow_spec;            // "RestStorageToAEP" or "GenericStreamingAEP"
  bool added_to_flow_spec = false;  // else it was listed already
};

// The connection spec as registered: the artifact's spec with its
// sourceSpec.attributes.uiAttributes label.text, description.text, category.key and
// icon.key (the source's name) taken from the artifacts. `artifacts` passed validation.
boost::json::object registered_spec(const std::string& name, const Artifacts& artifacts);

// `headwater source register`: creates the spec (POST), or replaces the one registered
// before on the same server, org and sandbox (PUT, same id; RegistrationRecord), uploads
// the icon, and lists the spec in RestStorageToAEP or GenericStreamingAEP by its family
// unless it is there already. Throws std::runtime_error naming the call that failed and
// the server's answer.
RegisterResult register_source(ApiClient& client, const ArtifactFolder& folder,
                               const Artifacts& artifacts);

}  // namespace hw::toolkit
