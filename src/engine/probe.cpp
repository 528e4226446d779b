#include "engine/probe.hpp"

#include <boost/json.hpp>

#include "engine/auth/authenticator.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/redact.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"

namespace hw::engine {
namespace {

UpstreamRequest probe_request(const SourceContext& context) {
  const std::string test_url = auth::param(context.auth_params, "authorizationTestUrl");
  if (test_url.empty()) {
    UpstreamRequest request = build_request(context);
    const auto& attributes =
        json::object_at(json::object_at(context.spec, "sourceSpec"), "attributes");
    make_paginator(json::find_object(attributes, "paginationParams"))->first(request);
    return request;
  }
  UpstreamRequest request;
  if (test_url.starts_with("http://") || test_url.starts_with("https://")) {
    request.url = test_url;
  } else {
    std::string host = auth::param(context.auth_params, "host");
    while (host.ends_with('/')) host.pop_back();
    request.url = host + (test_url.starts_with('/') ? "" : "/") + test_url;
  }
  return request;
}

}  // namespace

ProbeResult probe(const SourceContext& context, const boost::json::object& auth_spec,
                  const FetchOptions& options) {
  ProbeResult result;
  try {
    UpstreamRequest request = probe_request(context);
    make_authenticator(auth_spec, context.auth_params)->apply(request);
    result.url = request.describe();
    Fetcher fetcher(options);
    const auto response = fetcher.fetch(request);
    result.status = response.status;
    result.ok = response.status >= 200 && response.status < 300;
    if (!result.ok) {
      result.reason =
          "GET " + result.url + " answered " + std::to_string(response.status) +
          (response.body.empty() ? "" : ": " + quote_body(response.body, request.secrets));
    }
  } catch (const RunError& e) {
    result.reason = e.what();
  }
  return result;
}

}  // namespace hw::engine
