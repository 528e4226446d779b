#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "cli/sample_api.hpp"
#include "cli/serve.hpp"
#include "cli/spec_lint.hpp"
#include "cli/toolkit_commands.hpp"

namespace {

struct ServeFlags {
  std::optional<std::uint16_t> port;
  std::optional<std::string> bind, data_dir, config_file, log_format, log_level;
  std::optional<unsigned> threads;
  std::optional<double> scheduler_clock_rate;
  std::optional<std::string> public_base_url;
};

void add_serve(CLI::App& app, ServeFlags& f) {
  auto* serve = app.add_subcommand("serve", "Run the Flow Service API server");
  serve->add_option("--port", f.port, "Port to listen on (0 picks a free one; default 8080)")
      ->envname("HEADWATER_PORT");
  serve->add_option("--bind", f.bind, "Address to listen on (default 127.0.0.1)")
      ->envname("HEADWATER_BIND");
  serve->add_option("--data-dir", f.data_dir, "Store directory (default ./headwater-data)")
      ->envname("HEADWATER_DATA_DIR");
  serve->add_option("--config", f.config_file, "JSON config file")->envname("HEADWATER_CONFIG");
  serve->add_option("--threads", f.threads, "Worker threads (default: one per core)")
      ->envname("HEADWATER_THREADS");
  serve->add_option("--log-format", f.log_format, "text or json")->envname("HEADWATER_LOG_FORMAT");
  serve->add_option("--log-level", f.log_level, "trace, debug, info, warn, error or off")
      ->envname("HEADWATER_LOG_LEVEL");
  serve
      ->add_option("--scheduler-clock-rate", f.scheduler_clock_rate,
                   "Scheduled time runs this many times faster (demos and tests; default 1)")
      ->envname("HEADWATER_SCHEDULER_CLOCK_RATE")
      ->check(CLI::Range(1.0, 1e6));
  serve
      ->add_option("--public-base-url", f.public_base_url,
                   "URL clients reach the server at, for inlet URLs (default: the listening "
                   "address)")
      ->envname("HEADWATER_PUBLIC_BASE_URL");
}

hw::config::ServeConfig resolve(const ServeFlags& f) {
  hw::config::ServeConfig c;
  if (f.config_file) hw::config::load_config_file(*f.config_file, c);
  if (f.port) c.server.port = *f.port;
  if (f.bind) c.server.bind = *f.bind;
  if (f.data_dir) c.data_dir = *f.data_dir;
  if (f.threads) c.server.threads = *f.threads;
  if (f.log_format) c.log_format = *f.log_format;
  if (f.log_level) c.log_level = *f.log_level;
  if (f.scheduler_clock_rate) c.scheduler_clock_rate = *f.scheduler_clock_rate;
  if (f.public_base_url) c.public_base_url = *f.public_base_url;
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"headwater: a self-hosted Flow Service for self-serve sources"};
  app.require_subcommand(1);
  ServeFlags serve_flags;
  add_serve(app, serve_flags);
  auto* spec = app.add_subcommand("spec", "Work with connection specs")->require_subcommand(1);
  std::string lint_file;
  auto* lint = spec->add_subcommand("lint", "Validate a connection spec file; exit 1 on errors");
  lint->add_option("FILE", lint_file, "connectionSpec JSON file")->required();
  hw::cli::ToolkitCommands toolkit(app);
  hw::cli::SampleApiCommand sample_api(app);

  CLI11_PARSE(app, argc, argv);
  try {
    if (app.got_subcommand("serve")) return hw::cli::serve(resolve(serve_flags));
    if (lint->parsed()) return hw::cli::spec_lint(lint_file, std::cout);
    if (const auto code = toolkit.run()) return *code;
    if (const auto code = sample_api.run()) return *code;
  } catch (const std::exception& e) {
    std::cerr << "headwater: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
