#pragma once
#include <optional>

#include "sample_api/server.hpp"

namespace CLI {
class App;
}

namespace hw::cli {

// `headwater sample-api`: the small REST API the batch tutorial pulls from
// (docs/sample-api.md). Construct before parsing; run() after.
class SampleApiCommand {
 public:
  explicit SampleApiCommand(CLI::App& app);
  SampleApiCommand(const SampleApiCommand&) = delete;
  SampleApiCommand& operator=(const SampleApiCommand&) = delete;

  // The exit code once the API has stopped, or nullopt when the command line chose another
  // command.
  std::optional<int> run();

 private:
  CLI::App* command_;
  sample_api::ServeOptions options_;  // the parser writes into it
};

}  // namespace hw::cli
