#pragma once
#include <boost/json/value.hpp>

#include <filesystem>

#include "engine/fetcher.hpp"

namespace hw::config {

// The config file's "engine" object: how runs talk to sources.
//   connectTimeoutMillis, readTimeoutMillis    1 ms to a day
//   maxAttempts                                1 to 100 (the first try included)
//   retryBaseDelayMillis, retryMaxDelayMillis  0 to a day
// Throws std::runtime_error naming the file, the key and the problem; unknown keys too,
// so a misspelt setting is not silently ignored.
void read_engine_config(const std::filesystem::path& file, const boost::json::value& engine,
                        engine::FetchOptions& out);

}  // namespace hw::config
