#include "cli/serve.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "api/services.hpp"
#include "crypto/secret_box.hpp"
#include "log/logging.hpp"
#include "store/sqlite_store.hpp"
#include "streaming/inlet_params.hpp"
#include "streaming/window_lander.hpp"

namespace hw::cli {

namespace {

// Streaming connections and flows get their inlet fields on every write, and the inlet
// cache hears of every change to what inlets are made of.
void wire_inlets(streaming::InletRegistry& inlets, connection::Resources& connections,
                 flow::Flows& flows, store::Store& store, spec::SpecRegistry& specs,
                 const std::string& public_base_url) {
  connections.connections.derive_with(streaming::connection_inlet(specs, public_base_url));
  flows.derive_with(streaming::flow_inlet_url(store, specs));
  const auto tell = [&inlets](std::string kind) {
    return [&inlets, kind](const store::Scope& scope, std::string_view id) {
      inlets.changed(kind, scope, id);
    };
  };
  connections.connections.on_change(tell("connections"));
  connections.source_connections.on_change(tell("sourceConnections"));
  connections.target_connections.on_change(tell("targetConnections"));
  flows.on_change(tell("flows"));
  inlets.load();
}

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
  std::string public_base_url = config.public_base_url;  // the listening address once bound
  streaming::InletRegistry inlets(*store, specs, connections);
  wire_inlets(inlets, connections, flows, *store, specs, public_base_url);
  streaming::IngestLog ingest_log(config.data_dir / "streaming", config.streaming);
  ingest_log.recover();
  streaming::WindowLander lander(ingest_log, *store, specs, batches);
  api::Services services{*store,  specs, connections, flows,      metrics,
                         batches, runs,  inlets,      ingest_log, config.access};
  http::Router router;
  api::register_routes(router, services);

  http::Server server(config.server, router, metrics);
  server.listen();
  if (public_base_url.empty())
    public_base_url = "http://" + config.server.bind + ":" + std::to_string(server.port());
  // Tests and scripts wait for this exact line; it must reach a pipe at once.
  std::printf("headwater listening on http://%s:%u\n", config.server.bind.c_str(), server.port());
  std::fflush(stdout);
  spdlog::info("serving on {}:{} with data in {} ({} mode)", config.server.bind, server.port(),
               config.data_dir.string(), config.access.local_mode() ? "local" : "token");
  if (config.scheduler_clock_rate != 1.0)
    spdlog::warn("scheduled time runs {}x faster than the wall clock", config.scheduler_clock_rate);
  ingest_log.start();
  lander.start();
  runs.start();
  server.run();
  ingest_log.stop();  // what requests in flight queued is committed; the window is sealed
  lander.stop();      // and lands at the next start
  runs.stop();        // runs in progress finish before the store closes
}

}  // namespace

int serve(const config::ServeConfig& config) {
  log::setup(config.log_format, config.log_level);
  run_server(config);
  spdlog::info("stopped; store closed");
  return 0;
}

}  // namespace hw::cli
