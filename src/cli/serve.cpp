#include "cli/serve.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "api/services.hpp"
#include "crypto/secret_box.hpp"
#include "log/logging.hpp"
#include "store/sqlite_store.hpp"

namespace hw::cli {

namespace {

void run_server(const config::ServeConfig& config) {
  auto store = store::open_sqlite_store(config.data_dir);
  const auto box = crypto::SecretBox::open_or_create(config.data_dir / "secret.key");
  spec::SpecRegistry specs(*store);
  connection::Resources connections(*store, box, specs);
  connections.fetch = config.engine;
  flow::Flows flows(*store, box, specs);
  http::Metrics metrics;
  dataset::Batches batches(*store, config.data_dir);
  batches.recover();
  run::Executor executor(*store, specs, connections, batches, config.engine);
  run::Runs runs(*store, executor, run::SchedulerClock(config.scheduler_clock_rate));
  runs.recover();
  api::Services services{*store, specs, connections, flows, metrics, batches, runs, config.access};
  http::Router router;
  api::register_routes(router, services);

  http::Server server(config.server, router, metrics);
  server.listen();
  // Tests and scripts wait for this exact line; it must reach a pipe at once.
  std::printf("headwater listening on http://%s:%u\n", config.server.bind.c_str(), server.port());
  std::fflush(stdout);
  spdlog::info("serving on {}:{} with data in {} ({} mode)", config.server.bind, server.port(),
               config.data_dir.string(), config.access.local_mode() ? "local" : "token");
  if (config.scheduler_clock_rate != 1.0)
    spdlog::warn("scheduled time runs {}x faster than the wall clock", config.scheduler_clock_rate);
  runs.start();
  server.run();
  runs.stop();  // runs in progress finish before the store closes
}

}  // namespace

int serve(const config::ServeConfig& config) {
  log::setup(config.log_format, config.log_level);
  run_server(config);
  spdlog::info("stopped; store closed");
  return 0;
}

}  // namespace hw::cli
