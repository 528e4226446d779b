#pragma once
#include "spec/issue.hpp"
#include "spec/spec_kind.hpp"

#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string_view>

namespace hw::spec {

// What a connection spec id stands for in the caller's org and sandbox; nullopt when no
// connection spec has that id there.
using ConnectionSpecLookup =
    std::function<std::optional<SpecKind>(std::string_view connection_spec_id)>;

// Checks a flow spec: name and providerId, that every listed connection spec exists and is
// of the right kind and family (a streaming flow spec, i.e. GenericStreamingAEP or one with
// attributes.frequency "streaming", takes streaming sources; any other takes batch sources;
// targets go in targetConnectionSpecIds), that its embedded schemas are valid, and warns
// about unknown keys. `flow_spec_id` is empty for a flow spec being created. Never throws.
Report validate_flow_spec(const boost::json::value& doc, std::string_view flow_spec_id,
                          const ConnectionSpecLookup& lookup);

}  // namespace hw::spec
