#pragma once
#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

#include "spec/issue.hpp"
#include "store/store.hpp"

namespace hw::spec {

// The flows of flow spec `flow_spec_id` that read or write through a connection spec that
// `before` lists and `after` no longer does (sourceConnectionSpecIds,
// targetConnectionSpecIds), one issue per flow and connection: such a flow would be left
// with a connection its flow spec no longer allows.
std::vector<Issue> flows_using_dropped_specs(store::Store& store, const store::Scope& scope,
                                             std::string_view flow_spec_id,
                                             const boost::json::object& before,
                                             const boost::json::object& after);

}  // namespace hw::spec
