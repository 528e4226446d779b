#include "cli/sample_api.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "log/logging.hpp"

namespace hw::cli {

SampleApiCommand::SampleApiCommand(CLI::App& app)
    : command_(
          app.add_subcommand("sample-api",
                             "Serve a small sample REST API (HTTP Basic: demo / demo-password) to "
                             "try a batch source against")) {
  command_->add_option("--port", options_.port, "Port to listen on (0 picks a free one)")
      ->envname("HEADWATER_SAMPLE_API_PORT")
      ->capture_default_str();
  command_->add_option("--bind", options_.bind, "Address to listen on")->capture_default_str();
  command_->add_option("--contacts", options_.contacts, "How many contacts the API holds")
      ->check(CLI::Range(std::size_t{1}, sample_api::kMaxContacts))
      ->capture_default_str();
}

std::optional<int> SampleApiCommand::run() {
  if (!command_->parsed()) return std::nullopt;
  // stdout carries the one line that says where the API listens; logs go to stderr.
  log::setup("text", "warn");
  sample_api::serve(options_, std::cout);
  return 0;
}

}  // namespace hw::cli
