#pragma once
#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>

#include "engine/auth/authenticator.hpp"
#include "engine/extract/record_extractor.hpp"
#include "engine/fetcher.hpp"
#include "engine/source_request.hpp"

namespace hw::engine {

struct PullStats {
  std::size_t pages = 0;
  std::size_t records = 0;
  std::uint64_t bytes = 0;
};

struct PullOptions {
  FetchOptions fetch;
  std::size_t max_pages = 100'000;  // a source that never stops is an error, not an endless run
  // Checked between pages and about every 100 ms while a request waits to be retried or
  // spaced out: a cancelled run ends with RunError "CANCELLED" without another request.
  std::function<bool()> cancelled;
  std::function<void(const RenewedParams&)> keep_renewed;  // credentials renewed mid-run
  // Called on the calling thread once a page's records went to the sink, with the pages and
  // records emitted so far (the fetching side may be pages ahead of them).
  std::function<void(const PullStats&)> page_emitted;
};

// Reads every page of a source and hands each record to `sink`, page by page: memory stays
// flat however many records there are. `auth_spec` is the authSpec entry the connection
// chose. Throws RunError naming the page URL (secrets redacted) when a page fails. Records
// the spec's schema or explodeEntityPath rejects go to `failed` (dropped when it is empty).
PullStats pull(const SourceContext& context, const boost::json::object& auth_spec,
               const RecordExtractor::Sink& sink, const PullOptions& options = {},
               const RecordExtractor::FailureSink& failed = {});

}  // namespace hw::engine
