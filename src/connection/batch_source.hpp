#pragma once
#include <boost/json/object.hpp>

#include <string_view>

#include "connection/resources.hpp"

namespace hw::connection {

// A connection to a batch (REST) source, unsealed, with what the engine needs to reach it.
struct BatchSource {
  boost::json::object connection;
  spec::SpecRegistry::Resolved spec;
  boost::json::object auth_spec;

  const boost::json::object& auth_params() const;
};

// For /test and /explore (`action`: "tested", "explored"): throws ApiError 400 when the
// connection is not to a batch source, or its auth spec has left its connection spec.
BatchSource batch_source(Resources& resources, spec::SpecRegistry& specs, const store::Scope& scope,
                         std::string_view id, std::string_view action);

}  // namespace hw::connection
