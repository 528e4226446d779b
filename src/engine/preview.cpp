#include "engine/preview.hpp"

#include <boost/json.hpp>

#include "engine/auth/authenticator.hpp"
#include "engine/extract/record_extractor.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"

namespace hw::engine {

boost::json::array preview(const SourceContext& context, const boost::json::object& auth_spec,
                           std::size_t limit, const FetchOptions& options) {
  const auto& attributes =
      json::object_at(json::object_at(context.spec, "sourceSpec"), "attributes");
  UpstreamRequest request = build_request(context);
  make_authenticator(auth_spec, context.auth_params)->apply(request);
  make_paginator(json::find_object(attributes, "paginationParams"))->first(request);
  Fetcher fetcher(options);
  const auto response = fetcher.fetch(request);
  if (response.status < 200 || response.status >= 300) {
    throw RunError("UPSTREAM_" + std::to_string(response.status),
                   "GET " + request.describe() + " answered " + std::to_string(response.status));
  }
  boost::json::array records;
  RecordExtractor extractor(attributes);
  extractor.extract(response.body, [&](std::string_view record) {
    if (records.size() < limit) records.push_back(boost::json::parse(record));
  });
  return records;
}

}  // namespace hw::engine
