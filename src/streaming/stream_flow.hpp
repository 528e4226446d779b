#pragma once
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mapping/mapping_set.hpp"
#include "spec/registry.hpp"
#include "store/store.hpp"

namespace hw::streaming {

// A dataflow on a streaming flow spec (one without a scheduleSpec, e.g. GenericStreamingAEP),
// as the inlets and the window lander need it.
struct StreamFlow {
  std::string id;
  bool enabled = true;
  boost::json::object flow_spec_ref;                   // the flow's flowSpec, for its run records
  std::string dataset_id;                              // of its target connection; empty when gone
  std::shared_ptr<const mapping::MappingSet> mapping;  // null: events land as they are
  std::string mapping_error;  // set when the flow names a mapping set that cannot be used
};

// The flow `id`; nullopt when it does not exist or is not a streaming flow.
std::optional<StreamFlow> load_stream_flow(store::Store& store, spec::SpecRegistry& specs,
                                           const store::Scope& scope, std::string_view id);

// The streaming flows that read the connection's inlet: through each source connection on
// the connection, every flow naming it.
std::vector<StreamFlow> stream_flows_of(store::Store& store, spec::SpecRegistry& specs,
                                        const store::Scope& scope, std::string_view connection_id);

}  // namespace hw::streaming
