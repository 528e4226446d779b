#include "cli/toolkit_commands.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/dataset_cat.hpp"
#include "cli/dataset_create.hpp"
#include "cli/run_source.hpp"
#include "cli/source_init.hpp"
#include "cli/source_register.hpp"
#include "cli/source_validate.hpp"
#include "cli/verify.hpp"
#include "log/logging.hpp"

namespace hw::cli {

struct ToolkitCommands::Parsed {
  CLI::App* init = nullptr;
  CLI::App* validate = nullptr;
  CLI::App* register_ = nullptr;
  CLI::App* run = nullptr;
  CLI::App* verify = nullptr;
  CLI::App* dataset_create = nullptr;
  CLI::App* dataset_cat = nullptr;
  SourceInitOptions init_options;
  bool streaming = false;
  std::string validate_dir;
  std::string register_dir;
  toolkit::ServerOptions server;
  RunSourceOptions run_options;
  VerifyCommandOptions verify_options;
  std::string dataset_name;
  DatasetCatOptions cat_options;
};

namespace {

void add_init(CLI::App& source, ToolkitCommands::Parsed& p) {
  p.init =
      source.add_subcommand("init", "Lay out a new source's artifacts: DIR/Sources/NAME/Artifacts");
  p.init->add_option("NAME", p.init_options.name, "The source's name (letters, digits, - and _)")
      ->required();
  // A named const string: CLI11's add_flag overloads are ambiguous for a string literal.
  const std::string batch_help = "A batch source from the generic REST template (default)";
  auto* batch = p.init->add_flag("--batch", batch_help);
  p.init
      ->add_flag("--streaming", p.streaming,
                 "A streaming source from the generic streaming template")
      ->excludes(batch);
  p.init->add_option("--dir", p.init_options.dir, "Where Sources/ goes (default: .)");
}

void add_validate(CLI::App& source, ToolkitCommands::Parsed& p) {
  p.validate = source.add_subcommand("validate", "Check a source's artifacts; exit 1 on errors");
  p.validate->add_option("DIR", p.validate_dir, "Sources/NAME or Sources/NAME/Artifacts")
      ->required();
}

// The options of every command that talks to a server (DESIGN §1).
void add_server_options(CLI::App& command, toolkit::ServerOptions& server) {
  command.add_option("--server", server.url, "Server URL (default: http://localhost:8080)")
      ->envname("HEADWATER_SERVER");
  command.add_option("--token", server.token, "Bearer token (default: local)")
      ->envname("HEADWATER_TOKEN");
  command.add_option("--org", server.org, "IMS org id (default: local@AdobeOrg)")
      ->envname("HEADWATER_ORG");
  command.add_option("--sandbox", server.sandbox, "Sandbox name (default: prod)")
      ->envname("HEADWATER_SANDBOX");
}

void add_register(CLI::App& source, ToolkitCommands::Parsed& p) {
  p.register_ = source.add_subcommand(
      "register", "Register a source's spec and icon with a server, in its family's flow spec");
  p.register_->add_option("DIR", p.register_dir, "Sources/NAME or Sources/NAME/Artifacts")
      ->required();
  add_server_options(*p.register_, p.server);
}

void add_run(CLI::App& app, ToolkitCommands::Parsed& p) {
  auto& o = p.run_options;
  p.run = app.add_subcommand("run", "Pull a batch source once, records as JSON Lines on stdout");
  p.run->add_option("--spec", o.spec_file, "Connection spec JSON file")->required();
  p.run->add_option("--auth", o.auth_file, "Auth JSON file: {\"specName\": …, \"params\": {…}}")
      ->required();
  p.run->add_option("--params", o.params_file, "Source params JSON file")->required();
  p.run->add_option("--start", o.start, "Window start (default: the Unix epoch)");
  p.run->add_option("--end", o.end, "Window end (default: now)");
  p.run->add_option("--limit", o.limit, "Stop after this many records")
      ->check(CLI::Validator(
          [](std::string& n) {
            const bool zero = n.find_first_not_of('0') == std::string::npos;
            return zero ? std::string("must be at least 1") : std::string();
          },
          "N>0"));
}

void add_verify(CLI::App& app, ToolkitCommands::Parsed& p) {
  auto& o = p.verify_options;
  p.verify = app.add_subcommand(
      "verify", "Run the verification collection's steps against a server; exit 0 if all pass");
  p.verify
      ->add_option("--env", o.env_file, "Env JSON file: connectionSpecId, authSpecName, params…")
      ->required();
  add_server_options(*p.verify, o.server);
  p.verify->add_flag("--keep", o.keep, "Keep the flow instead of deleting it");
  p.verify->add_flag("--json", o.json, "Print one machine-readable JSON report");
}

void add_dataset(CLI::App& app, ToolkitCommands::Parsed& p) {
  auto* dataset = app.add_subcommand("dataset", "Work with a server's datasets: create, cat")
                      ->require_subcommand(1);
  p.dataset_create = dataset->add_subcommand("create", "Create a dataset; prints its id alone");
  p.dataset_create->add_option("NAME", p.dataset_name, "The dataset's name")->required();
  add_server_options(*p.dataset_create, p.server);
  p.dataset_cat = dataset->add_subcommand(
      "cat", "Print the records of a dataset's successful batches, as JSON Lines on stdout");
  p.dataset_cat->add_option("ID", p.cat_options.dataset_id, "The dataset's id")->required();
  p.dataset_cat->add_option("--batch", p.cat_options.batch_id, "Only this batch of the dataset");
  add_server_options(*p.dataset_cat, p.cat_options.server);
}

}  // namespace

ToolkitCommands::ToolkitCommands(CLI::App& app) : parsed_(std::make_unique<Parsed>()) {
  auto* source = app.add_subcommand("source", "Author a source: init, validate, register")
                     ->require_subcommand(1);
  add_init(*source, *parsed_);
  add_validate(*source, *parsed_);
  add_register(*source, *parsed_);
  add_run(app, *parsed_);
  add_verify(app, *parsed_);
  add_dataset(app, *parsed_);
}

ToolkitCommands::~ToolkitCommands() = default;

std::optional<int> ToolkitCommands::run() {
  auto& p = *parsed_;
  if (p.init->parsed()) {
    if (p.streaming) p.init_options.family = toolkit::Family::streaming;
    return source_init(p.init_options, std::cout, std::cerr);
  }
  if (p.validate->parsed()) return source_validate(p.validate_dir, std::cout);
  if (p.register_->parsed()) return source_register(p.register_dir, p.server, std::cout, std::cerr);
  if (p.run->parsed()) {
    p.run_options.progress = ::isatty(STDERR_FILENO) == 1;
    // The engine's warnings (a retried page) must stay off stdout, which carries records.
    log::setup("text", "warn");
    return run_source(p.run_options, std::cout, std::cerr);
  }
  if (p.verify->parsed()) {
    p.verify_options.terminal = ::isatty(STDOUT_FILENO) == 1;
    return verify_command(p.verify_options, std::cout, std::cerr);
  }
  if (p.dataset_create->parsed())
    return dataset_create(p.dataset_name, p.server, std::cout, std::cerr);
  if (p.dataset_cat->parsed()) {
    // A reader that stops early (`| head`) then fails the write with EPIPE, which
    // dataset_cat ends on quietly, instead of a signal killing the process mid-part.
    std::signal(SIGPIPE, SIG_IGN);
    return dataset_cat(p.cat_options, std::cout, std::cerr);
  }
  return std::nullopt;
}

}  // namespace hw::cli
