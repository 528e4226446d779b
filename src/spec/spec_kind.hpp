#pragma once
#include <boost/json/object.hpp>

#include <optional>

namespace hw::spec {

enum class SpecKind { batch_source, streaming_source, target };

// What a connection spec is, from its shape: a target has `targetSpec` and no `sourceSpec`;
// a streaming source has type `generic-streaming` (any case) or is listed in the
// GenericStreamingAEP flow spec; a batch source has `sourceSpec.attributes.urlParams`.
// nullopt when it is none of these.
std::optional<SpecKind> classify_connection_spec(const boost::json::object& spec,
                                                 bool listed_in_streaming_flow_spec);

}  // namespace hw::spec
