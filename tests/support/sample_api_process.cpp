#include "support/sample_api_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "support/child_process.hpp"

extern char** environ;

namespace hw::test {
namespace {

constexpr std::string_view kListening = "sample API listening on http://";

std::system_error errno_error(const std::string& what) {
  return std::system_error(errno, std::generic_category(), what);
}

}  // namespace

SampleApiProcess::SampleApiProcess(const std::vector<std::string>& args,
                                   const std::vector<std::string>& env) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw errno_error("pipe2");
  out_fd_ = fds[0];
  try {
    spawn(args, env, fds[1]);
  } catch (...) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw;
  }
  ::close(fds[1]);
  announcement_ = read_announcement();
  const std::size_t begin = announcement_.find(kListening);
  const std::size_t end = announcement_.find(' ', begin + kListening.size());
  if (begin != 0 || end == std::string::npos) fail_start("it announced: " + announcement_);
  base_url_ = "http://" + announcement_.substr(kListening.size(), end - kListening.size());
  port_ = std::atoi(base_url_.c_str() + base_url_.rfind(':') + 1);
  if (port_ <= 0) fail_start("it announced no port: " + announcement_);
}

SampleApiProcess::~SampleApiProcess() {
  stop();
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::string SampleApiProcess::errors() const {
  std::ifstream in(dir_.path() + "/stderr");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int SampleApiProcess::stop(int signal) {
  if (pid_ <= 0) return exit_code_;
  exit_code_ = stop_child(pid_, signal, kStopGrace);
  pid_ = -1;
  return exit_code_;
}

void SampleApiProcess::spawn(const std::vector<std::string>& args,
                             const std::vector<std::string>& env, int out_fd) {
  std::vector<std::string> argv_text = {HW_BINARY, "sample-api"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = env;
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) envp.push_back(*e);
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string err_path = dir_.path() + "/stderr";
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (err_fd < 0 || null_fd < 0) throw errno_error("open");
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec: other threads may hold locks.
    ::dup2(null_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed test leaves no API behind
    if (::getppid() != parent) ::_exit(127);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(err_fd);
  ::close(null_fd);
  if (pid_ < 0) throw errno_error("fork");
}

// The first stdout line; fails the start when stdout closes or the deadline passes first.
std::string SampleApiProcess::read_announcement() {
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  std::string text;
  while (text.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      fail_start("it printed no line in " + std::to_string(kStartTimeout.count()) + " s");
    pollfd readable{out_fd_, POLLIN, 0};
    const int ready = ::poll(&readable, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[512];
    const ssize_t got = ::read(out_fd_, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      reap_within(std::chrono::seconds(1));  // stdout closes a moment before it is reapable
      fail_start("it exited (code " + std::to_string(exit_code_) + ") before announcing");
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text.substr(0, text.find('\n'));
}

bool SampleApiProcess::reap_within(std::chrono::milliseconds timeout) {
  const auto exit_code = wait_for_exit(pid_, timeout);
  if (!exit_code) return false;
  exit_code_ = *exit_code;
  pid_ = -1;
  return true;
}

void SampleApiProcess::fail_start(const std::string& why) {
  stop();
  ::close(out_fd_);
  out_fd_ = -1;
  throw std::runtime_error("headwater sample-api failed to start: " + why + "\n--- stderr ---\n" +
                           errors());
}

}  // namespace hw::test
