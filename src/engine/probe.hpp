#pragma once
#include <boost/json/object.hpp>

#include <string>

#include "engine/fetcher.hpp"
#include "engine/source_request.hpp"

namespace hw::engine {

struct ProbeResult {
  bool ok = false;
  long status = 0;     // the source's HTTP status; 0 when it was not reached
  std::string url;     // the request's URL, secrets redacted
  std::string reason;  // for a person, when !ok
};

// One authenticated request, as a connection test: to the `authorizationTestUrl` auth param
// when there is one (absolute, or relative to the base URL), else the source's first page.
// Never throws: a failure is a result.
ProbeResult probe(const SourceContext& context, const boost::json::object& auth_spec,
                  const FetchOptions& options = {});

}  // namespace hw::engine
