#pragma once
// Runs the real headwater binary (HW_BINARY) as an author would, with stdout and stderr
// captured apart: the toolkit's commands are judged by their exact output and exit code.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/server_process.hpp"
#include "util/unique_fd.hpp"

namespace hw::test {

struct CommandResult {
  int exit_code = -1;  // 128 + signal when a signal ended it
  std::string out, err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts `headwater args...` in `cwd`, its stdin /dev/null, its stdout the file `out_path`
// and its stderr `err_fd`; returns its pid.
inline pid_t spawn_headwater(const std::vector<std::string>& args, const std::string& cwd,
                             const std::string& out_path, int err_fd) {
  const auto argv = exec_argv(HW_BINARY, args);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err_fd, 2) < 0 ||
        ::chdir(cwd.c_str()) != 0)
      ::_exit(127);
    ::execv(HW_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

// `headwater args...`, run in `cwd`; killed (and the test failed by an exception) when it
// outlives `timeout`.
inline CommandResult run_headwater(const std::vector<std::string>& args, const std::string& cwd,
                                   std::chrono::seconds timeout = std::chrono::seconds(60)) {
  TempDir capture;
  const std::string out_path = capture.path() + "/out", err_path = capture.path() + "/err";
  const util::UniqueFd err(
      ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  if (!err) throw std::runtime_error("cannot create " + err_path);
  const pid_t pid = spawn_headwater(args, cwd, out_path, err.get());
  const auto exit_code = wait_or_kill(pid, timeout);
  if (!exit_code) throw std::runtime_error("headwater did not finish in time: " + slurp(err_path));
  CommandResult result;
  result.exit_code = *exit_code;
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  return result;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace hw::test
