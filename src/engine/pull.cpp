#include "engine/pull.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <functional>
#include <thread>

#include "engine/page_pipeline.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/redact.hpp"
#include "engine/run_error.hpp"
#include "engine/source_client.hpp"
#include "json/access.hpp"

namespace hw::engine {
namespace {

void check_status(const UpstreamRequest& request, const UpstreamResponse& response) {
  if (response.status >= 200 && response.status < 300) return;
  throw RunError(
      "UPSTREAM_" + std::to_string(response.status),
      request.method + " " + request.describe() + " answered " + std::to_string(response.status) +
          (response.attempts > 1 ? " (tried " + std::to_string(response.attempts) + " times)"
                                 : "") +
          (response.body.empty() ? "" : ": " + quote_body(response.body, request.secrets)));
}

// The fetching side of a run: each page is requested, checked, parsed and its records
// found here, then queued for the calling thread to emit, while the next one is fetched.
class PageFetching {
 public:
  PageFetching(const SourceContext& context, const boost::json::object& auth_spec,
               const PullOptions& options, const RecordExtractor& extractor)
      : attributes_(json::object_at(json::object_at(context.spec, "sourceSpec"), "attributes")),
        options_(options),
        extractor_(extractor),
        paginator_(make_paginator(json::find_object(attributes_, "paginationParams"))),
        request_(build_request(context)),
        client_(attributes_, auth_spec, context.auth_params, options.fetch, options.keep_renewed,
                options.cancelled) {
    client_.authorize(request_);
    paginator_->first(request_);
  }

  // Runs until the last page is queued, a page fails, or the emitting side stops.
  void run(PagePipeline& pipeline) {
    try {
      while (fetch_one(pipeline)) {
      }
      pipeline.finish();
    } catch (...) {
      pipeline.finish(std::current_exception());
    }
  }

  const PullStats& stats() const { return stats_; }

 private:
  // Whether there is another page to fetch.
  bool fetch_one(PagePipeline& pipeline) {
    if (options_.cancelled && options_.cancelled())
      throw RunError("CANCELLED", "the run was cancelled");
    if (stats_.pages == options_.max_pages) {
      throw RunError("TOO_MANY_PAGES", "stopped after " + std::to_string(options_.max_pages) +
                                           " pages at " + request_.describe());
    }
    UpstreamResponse response = client_.send(request_);
    check_status(request_, response);
    const bool repeated = stats_.pages > 0 && response.body == previous_;
    previous_.assign(response.body);  // a copy into a buffer kept across pages: no allocation
    PreparedPage page;
    try {
      page = extractor_.prepare(std::move(response.body), pipeline.parser());
    } catch (const RunError& e) {
      throw RunError(e.code(), request_.method + " " + request_.describe() + ": " + e.what());
    }
    // A source that ignores the paginator answers the same page forever.
    if (repeated && page.records > 0) {
      throw RunError("PAGINATION_LOOP", "the source answered the same page twice at " +
                                            request_.describe() +
                                            "; check the spec's paginationParams");
    }
    ++stats_.pages;
    stats_.records += page.records;
    stats_.bytes += page.body.size();
    response.body.swap(page.body);  // the paginator reads the page (a token, a link) in place
    const bool more = paginator_->next(response, page.records, request_);
    response.body.swap(page.body);
    return pipeline.push(std::move(page)) && more;
  }

  const boost::json::object& attributes_;
  const PullOptions& options_;
  const RecordExtractor& extractor_;
  std::unique_ptr<Paginator> paginator_;
  UpstreamRequest request_;
  SourceClient client_;
  PullStats stats_;
  std::string previous_;  // the last page's body
};

}  // namespace

PullStats pull(const SourceContext& context, const boost::json::object& auth_spec,
               const RecordExtractor::Sink& sink, const PullOptions& options,
               const RecordExtractor::FailureSink& failed) {
  const auto& source_spec = json::object_at(context.spec, "sourceSpec");
  RecordExtractor extractor(json::object_at(source_spec, "attributes"),
                            source_spec.if_contains("schema"));
  PageFetching fetching(context, auth_spec, options, extractor);
  PagePipeline pipeline(std::max<std::size_t>(1, options.fetch.pages_ahead));
  std::thread fetcher([&] { fetching.run(pipeline); });
  PullStats emitted;
  try {
    while (auto page = pipeline.pop()) {
      const std::size_t bytes = page->body.size();
      extractor.emit(*page, sink, failed);
      ++emitted.pages;
      emitted.records += page->records;
      emitted.bytes += bytes;
      pipeline.recycle(std::move(page->parser));
      if (options.page_emitted) options.page_emitted(emitted);
    }
  } catch (...) {
    pipeline.stop();
    fetcher.join();
    throw;
  }
  fetcher.join();
  return fetching.stats();
}

}  // namespace hw::engine
