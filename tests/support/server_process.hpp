#pragma once
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace hw::test {

// A fresh directory under /tmp, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Drains the server's output; defined in server_process.cpp.
class OutputCapture;

// The real headwater binary (HW_BINARY), serving on an ephemeral port of 127.0.0.1:
//   HW_BINARY serve --port 0 --bind 127.0.0.1 --data-dir DIR [extra args...]
// It is ready once it prints "headwater listening on http://HOST:PORT". Its stdout and
// stderr both go to output(), so a failed start shows the server's own error.
class ServerProcess {
 public:
  static constexpr std::chrono::seconds kDefaultStartTimeout{20};
  static constexpr std::chrono::seconds kStopGrace{10};

  // Throws std::runtime_error, with the captured output, when the server exits or stays
  // silent past `start_timeout`.
  explicit ServerProcess(std::string data_dir, std::vector<std::string> extra_args = {},
                         std::chrono::milliseconds start_timeout = kDefaultStartTimeout);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& base_url() const { return base_url_; }
  // -1 once the process has been reaped.
  pid_t pid() const { return pid_; }
  // The last 64 KiB the current (or last) process printed.
  std::string output() const;

  // SIGTERM, then SIGKILL after kStopGrace. Returns the exit code, or 128 + the signal
  // number when a signal ended it, as a shell reports it. Idempotent.
  int stop();
  // A crash: SIGKILL, no chance to clean up.
  void kill9();
  // Stops if needed, then starts again with the same data dir and arguments.
  void restart();

 private:
  void start();
  void spawn(int out_fd);
  void wait_until_listening();
  void announce(const std::string& line);
  bool reap_within(std::chrono::milliseconds timeout);
  void record_exit(int exit_status);
  [[noreturn]] void fail_start(const std::string& why);

  const std::string data_dir_;
  const std::vector<std::string> extra_args_;
  const std::chrono::milliseconds start_timeout_;
  pid_t pid_ = -1;
  int exit_status_ = 0;
  int port_ = 0;
  std::string base_url_;
  std::unique_ptr<OutputCapture> capture_;
};

}  // namespace hw::test
