#pragma once
#include <memory>
#include <optional>

namespace CLI {
class App;
}

namespace hw::cli {

// The connector author's commands on the `headwater` command line: `source init`,
// `source validate`, `source register`, `run`, `verify`, `dataset create` and `dataset cat`.
// Construct before parsing; run() after.
class ToolkitCommands {
 public:
  explicit ToolkitCommands(CLI::App& app);
  ~ToolkitCommands();
  ToolkitCommands(const ToolkitCommands&) = delete;
  ToolkitCommands& operator=(const ToolkitCommands&) = delete;

  // The exit code of the toolkit command the command line chose, or nullopt when it chose
  // another command.
  std::optional<int> run();

  struct Parsed;  // the subcommands and their options; defined in the .cpp

 private:
  std::unique_ptr<Parsed> parsed_;
};

}  // namespace hw::cli
