#include "support/child_process.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <thread>

namespace hw::test {
namespace {

constexpr std::chrono::milliseconds kPollInterval{5};

// One waitpid with `options`: the exit code, or nothing while the child runs (WNOHANG).
std::optional<int> reap(pid_t pid, int options) {
  for (;;) {
    int status = 0;
    const pid_t reaped = ::waitpid(pid, &status, options);
    if (reaped == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (reaped == 0) return std::nullopt;
    if (errno != EINTR) return -1;
  }
}

}  // namespace

std::vector<char*> exec_argv(const char* program, const std::vector<std::string>& args) {
  std::vector<char*> argv{const_cast<char*>(program)};
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout,
                                 const std::function<void()>& meanwhile) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto code = reap(pid, WNOHANG)) return code;
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    if (meanwhile)
      meanwhile();
    else
      std::this_thread::sleep_for(kPollInterval);
  }
}

std::optional<int> wait_or_kill(pid_t pid, std::chrono::milliseconds timeout,
                                const std::function<void()>& meanwhile) {
  if (const auto code = wait_for_exit(pid, timeout, meanwhile)) return code;
  kill_and_reap(pid);
  return std::nullopt;
}

int kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  // SIGKILL cannot be caught, so this blocking wait is the kernel's alone, and short.
  return *reap(pid, 0);
}

int stop_child(pid_t pid, int signal, std::chrono::milliseconds grace) {
  ::kill(pid, signal);
  if (const auto code = wait_for_exit(pid, grace)) return *code;
  return kill_and_reap(pid);
}

}  // namespace hw::test
