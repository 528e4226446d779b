#pragma once
#include <filesystem>
#include <string>

#include "engine/fetcher.hpp"
#include "http/request_context.hpp"
#include "http/server.hpp"
#include "streaming/ingest_log.hpp"

namespace hw::config {

// Everything `headwater serve` needs. Precedence: command line, then environment,
// then the --config file, then these defaults.
struct ServeConfig {
  http::ServerOptions server;
  std::filesystem::path data_dir = "./headwater-data";
  std::string log_format = "text";  // or "json"
  std::string log_level = "info";
  http::AccessPolicy access;
  engine::FetchOptions engine;  // timeouts and retries of the requests runs send to sources
  // Scheduled time runs this many times faster than the wall clock (demos and tests).
  double scheduler_clock_rate = 1.0;
  // Where clients reach this server, for inlet URLs; empty: the listening address.
  std::string public_base_url;
  streaming::IngestLogOptions streaming;  // the inlets' log, windows and bounds
};

// Reads a JSON config file into `config`, overriding only the keys present.
// Throws std::runtime_error naming the file, the JSON path and the problem.
void load_config_file(const std::filesystem::path& file, ServeConfig& config);

}  // namespace hw::config
