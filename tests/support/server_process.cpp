#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "support/child_process.hpp"

namespace hw::test {

namespace {

constexpr std::string_view kListening = "headwater listening on http://";
constexpr int kIdlePollMs = 100;

std::system_error errno_error(const std::string& what) {
  return std::system_error(errno, std::generic_category(), what);
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = "/tmp/headwater-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw errno_error("mkdtemp");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

class OutputCapture {
 public:
  // Takes ownership of `fd`. The first line that contains `marker` is kept apart, so that
  // it survives however much output follows it.
  OutputCapture(int fd, std::string marker)
      : fd_(fd), marker_(std::move(marker)), reader_([this] { run(); }) {}

  ~OutputCapture() {
    finish();
    reader_.join();
    ::close(fd_);
  }

  OutputCapture(const OutputCapture&) = delete;
  OutputCapture& operator=(const OutputCapture&) = delete;

  // The marker line, or nothing when the pipe closed or `timeout` passed first.
  std::optional<std::string> wait_for_marker(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [this] { return marker_line_ || closed_; });
    return marker_line_;
  }

  std::string text() const {
    std::lock_guard lock(mutex_);
    return tail_;
  }

  // The writer is gone. Stop once the pipe is idle, even if a grandchild still holds it.
  void finish() {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }

 private:
  static constexpr std::size_t kKeptBytes = 64 * 1024;

  void run() {
    char buffer[4096];
    pollfd readable{fd_, POLLIN, 0};
    for (;;) {
      const int ready = ::poll(&readable, 1, kIdlePollMs);
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0 || (ready == 0 && finishing())) break;
      if (ready == 0) continue;
      const ssize_t got = ::read(fd_, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      append(std::string_view(buffer, static_cast<std::size_t>(got)));
    }
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  bool finishing() const {
    std::lock_guard lock(mutex_);
    return finishing_;
  }

  void append(std::string_view chunk) {
    std::lock_guard lock(mutex_);
    tail_.append(chunk);
    if (tail_.size() > kKeptBytes) tail_.erase(0, tail_.size() - kKeptBytes);
    if (marker_line_) return;
    partial_line_.append(chunk);
    for (auto end = partial_line_.find('\n'); end != std::string::npos;
         end = partial_line_.find('\n')) {
      std::string line = partial_line_.substr(0, end);
      partial_line_.erase(0, end + 1);
      if (line.find(marker_) == std::string::npos) continue;
      marker_line_ = std::move(line);
      changed_.notify_all();
      return;
    }
    // A marker line is short; a longer unfinished line cannot be one.
    if (partial_line_.size() > kKeptBytes) partial_line_.clear();
  }

  const int fd_;
  const std::string marker_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string tail_;
  std::string partial_line_;
  std::optional<std::string> marker_line_;
  bool closed_ = false;
  bool finishing_ = false;
  std::thread reader_;  // last: it starts running before the constructor body
};

ServerProcess::ServerProcess(std::string data_dir, std::vector<std::string> extra_args,
                             std::chrono::milliseconds start_timeout)
    : data_dir_(std::move(data_dir)),
      extra_args_(std::move(extra_args)),
      start_timeout_(start_timeout) {
  start();
}

ServerProcess::~ServerProcess() {
  stop();
}

std::string ServerProcess::output() const {
  return capture_ ? capture_->text() : std::string();
}

int ServerProcess::stop() {
  if (pid_ > 0) record_exit(stop_child(pid_, SIGTERM, kStopGrace));
  return exit_status_;
}

void ServerProcess::kill9() {
  if (pid_ > 0) record_exit(kill_and_reap(pid_));
}

void ServerProcess::restart() {
  stop();
  start();
}

void ServerProcess::start() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw errno_error("pipe2");
  try {
    spawn(fds[1]);
  } catch (...) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw;
  }
  ::close(fds[1]);
  capture_ = std::make_unique<OutputCapture>(fds[0], std::string(kListening));
  wait_until_listening();
}

void ServerProcess::spawn(int out_fd) {
  std::vector<std::string> args = {HW_BINARY, "serve",     "--port",     "0",
                                   "--bind",  "127.0.0.1", "--data-dir", data_dir_};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0) throw errno_error("open /dev/null");
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec: other threads may hold locks.
    ::dup2(null_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(out_fd, STDERR_FILENO);
    // A test binary that crashes must not leave servers behind.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(null_fd);
  if (pid_ < 0) throw errno_error("fork");
}

void ServerProcess::wait_until_listening() {
  const auto line = capture_->wait_for_marker(start_timeout_);
  if (line) {
    announce(*line);
    return;
  }
  // Output closes a moment before the process becomes reapable.
  if (reap_within(std::chrono::seconds(1))) {
    fail_start("it exited with status " + std::to_string(exit_status_));
  }
  kill9();
  fail_start("it did not announce its port (waited up to " +
             std::to_string(start_timeout_.count()) + " ms)");
}

void ServerProcess::announce(const std::string& line) {
  const std::size_t begin = line.find(kListening) + kListening.size();
  const std::size_t end = line.find_first_of("/ \t\r", begin);
  const std::string authority = line.substr(begin, end - begin);
  const std::size_t colon = authority.rfind(':');
  port_ = colon == std::string::npos ? 0 : std::atoi(authority.c_str() + colon + 1);
  if (port_ <= 0) {
    kill9();
    fail_start("it announced an address without a port: " + line);
  }
  base_url_ = "http://" + authority;
}

bool ServerProcess::reap_within(std::chrono::milliseconds timeout) {
  const auto exit_status = wait_for_exit(pid_, timeout);
  if (exit_status) record_exit(*exit_status);
  return exit_status.has_value();
}

void ServerProcess::record_exit(int exit_status) {
  exit_status_ = exit_status;
  pid_ = -1;
  capture_->finish();
}

void ServerProcess::fail_start(const std::string& why) {
  throw std::runtime_error("headwater (" HW_BINARY ") failed to start: " + why +
                           "\n--- output ---\n" + output());
}

}  // namespace hw::test
