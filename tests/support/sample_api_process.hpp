#pragma once
#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include "support/server_process.hpp"

namespace hw::test {

// The real binary running `headwater sample-api ARGS...` with `env` (NAME=VALUE) added to
// its environment. It is ready once it prints its one stdout line,
// "sample API listening on http://HOST:PORT (…)"; its stderr goes to a file, shown when
// it fails to start.
class SampleApiProcess {
 public:
  static constexpr std::chrono::seconds kStartTimeout{20};
  static constexpr std::chrono::seconds kStopGrace{10};

  // Throws std::runtime_error, with the stderr text, when it exits or stays silent past
  // kStartTimeout.
  explicit SampleApiProcess(const std::vector<std::string>& args,
                            const std::vector<std::string>& env = {});
  ~SampleApiProcess();
  SampleApiProcess(const SampleApiProcess&) = delete;
  SampleApiProcess& operator=(const SampleApiProcess&) = delete;

  // The stdout line, without its newline.
  const std::string& announcement() const { return announcement_; }
  int port() const { return port_; }
  // http://HOST:PORT
  const std::string& base_url() const { return base_url_; }
  std::string errors() const;

  // `signal`, then SIGKILL after kStopGrace. Returns the exit code, or 128 + the signal
  // number when a signal ended it. Idempotent.
  int stop(int signal = SIGTERM);

 private:
  void spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, int out_fd);
  std::string read_announcement();
  bool reap_within(std::chrono::milliseconds timeout);
  [[noreturn]] void fail_start(const std::string& why);

  TempDir dir_;
  pid_t pid_ = -1;
  int exit_code_ = -1;
  int out_fd_ = -1;
  std::string announcement_;
  int port_ = 0;
  std::string base_url_;
};

}  // namespace hw::test
