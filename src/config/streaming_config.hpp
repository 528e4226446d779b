#pragma once
#include <boost/json/value.hpp>

#include <filesystem>

#include "streaming/ingest_log.hpp"

namespace hw::config {

// The config file's "streaming" object: the inlets' log and windows.
//   windowSeconds     1 to a day: each streaming flow's run covers one window (default 60)
//   maxPendingBytes   1 MiB to 64 GiB: event bytes waiting for the next commit
//   maxQueuedEvents   1 to 1e9: events accepted and not yet landed in a dataset
//   writers           1 to 64: commits in flight at most (default 4)
// Past either bound, inlets answer 429 with Retry-After. Throws std::runtime_error naming
// the file, the key and the problem; unknown keys too.
void read_streaming_config(const std::filesystem::path& file, const boost::json::value& streaming,
                           streaming::IngestLogOptions& out);

}  // namespace hw::config
