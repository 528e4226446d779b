#pragma once
#include "spec/issue.hpp"

#include <boost/json/value.hpp>

namespace hw::spec {

// Checks a connection spec (DESIGN §3): its shape against
// resources/schemas/connection_spec.schema.json, then the semantic rules. Every problem is
// reported at once, each at the path of its field; warnings never make a spec invalid.
// `listed_in_streaming_flow_spec` is true when the GenericStreamingAEP flow spec lists the
// spec, which makes it a streaming source whatever its type. Never throws.
Report validate_connection_spec(const boost::json::value& doc,
                                bool listed_in_streaming_flow_spec = false);

}  // namespace hw::spec
