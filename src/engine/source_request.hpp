#pragma once
#include <boost/json/object.hpp>

#include <optional>

#include "engine/http_types.hpp"
#include "engine/template.hpp"
#include "schedule/date_format.hpp"

namespace hw::engine {

// The time a run covers: [start, end).
struct RunWindow {
  schedule::TimePoint start;
  schedule::TimePoint end;
  bool first_run = false;  // a first run uses the ADVANCE `backfill` query when there is one
};

// What one pull reads from: the connection spec, the connection's unsealed auth params,
// the source connection's params, and the window.
struct SourceContext {
  const boost::json::object& spec;
  const boost::json::object& auth_params;
  const boost::json::object& source_params;
  std::optional<RunWindow> window;
};

// Template values: auth params, then source params (which win), then the schedule built-ins.
TemplateValues template_values(const SourceContext& context);

// The first request, before auth and pagination: base URL (urlParams.host, else the
// `host` auth param) + path, query and header params in either form, the body for POST,
// and the schedule's start/end params in their formats. Throws RunError on a missing
// value or host.
UpstreamRequest build_request(const SourceContext& context);

}  // namespace hw::engine
