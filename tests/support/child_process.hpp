#pragma once
// Waiting for a child process without ever hanging a test: every wait has a deadline, and a
// child that outlives it is killed and reaped, so none is left behind. Exit codes are as a
// shell reports them: 128 + the signal number when a signal ended the child, and -1 when
// something else reaped it (SIGCHLD ignored), so that its status is lost.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hw::test {

// An argv for execv: `program`, `args`, then the null pointer. It points into `program` and
// `args`, which must outlive it. Build it before fork: the child of a process with threads
// must not allocate.
std::vector<char*> exec_argv(const char* program, const std::vector<std::string>& args);

// The exit code of child `pid` once it ends within `timeout`; nothing, the child still
// running, when it does not. `meanwhile` runs between polls (by default a few ms of sleep).
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout,
                                 const std::function<void()>& meanwhile = {});

// As wait_for_exit, but a child that outlives `timeout` is killed and reaped.
std::optional<int> wait_or_kill(pid_t pid, std::chrono::milliseconds timeout,
                                const std::function<void()>& meanwhile = {});

// SIGKILL, then its exit code.
int kill_and_reap(pid_t pid);

// `signal`, then SIGKILL after `grace`; its exit code.
int stop_child(pid_t pid, int signal, std::chrono::milliseconds grace);

}  // namespace hw::test
