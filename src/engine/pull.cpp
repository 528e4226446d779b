#include "engine/pull.hpp"

#include <boost/json.hpp>

#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "engine/source_client.hpp"
#include "json/access.hpp"

namespace hw::engine {
namespace {

// The start of an error body, for a message a person can act on.
std::string excerpt(const std::string& body) {
  constexpr std::size_t kMax = 300;
  std::string out = body.substr(0, kMax);
  for (auto& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return body.size() > kMax ? out + "…" : out;
}

void check_status(const UpstreamRequest& request, const UpstreamResponse& response) {
  if (response.status >= 200 && response.status < 300) return;
  throw RunError(
      "UPSTREAM_" + std::to_string(response.status),
      request.method + " " + request.describe() + " answered " + std::to_string(response.status) +
          (response.attempts > 1 ? " (tried " + std::to_string(response.attempts) + " times)"
                                 : "") +
          (response.body.empty() ? "" : ": " + excerpt(response.body)));
}

}  // namespace

PullStats pull(const SourceContext& context, const boost::json::object& auth_spec,
               const RecordExtractor::Sink& sink, const PullOptions& options,
               const RecordExtractor::FailureSink& failed) {
  const auto& attributes =
      json::object_at(json::object_at(context.spec, "sourceSpec"), "attributes");
  RecordExtractor extractor(attributes,
                            json::object_at(context.spec, "sourceSpec").if_contains("schema"));
  auto paginator = make_paginator(json::find_object(attributes, "paginationParams"));
  UpstreamRequest request = build_request(context);
  SourceClient client(attributes, auth_spec, context.auth_params, options.fetch,
                      options.keep_renewed);
  client.authorize(request);
  paginator->first(request);
  PullStats stats;
  std::string previous_body;
  for (;;) {
    if (options.cancelled && options.cancelled())
      throw RunError("CANCELLED", "the run was cancelled");
    if (stats.pages == options.max_pages) {
      throw RunError("TOO_MANY_PAGES", "stopped after " + std::to_string(options.max_pages) +
                                           " pages at " + request.describe());
    }
    UpstreamResponse response = client.send(request);
    check_status(request, response);
    std::size_t records = 0;
    try {
      records = extractor.extract(response.body, sink, failed);
    } catch (const RunError& e) {
      throw RunError(e.code(), request.method + " " + request.describe() + ": " + e.what());
    }
    ++stats.pages;
    stats.records += records;
    stats.bytes += response.body.size();
    if (records > 0 && response.body == previous_body) {
      throw RunError("PAGINATION_LOOP", "the source answered the same page twice at " +
                                            request.describe() +
                                            "; check the spec's paginationParams");
    }
    if (!paginator->next(response, records, request)) break;
    previous_body = std::move(response.body);
  }
  return stats;
}

}  // namespace hw::engine
