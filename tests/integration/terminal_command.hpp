#pragma once
// Runs the real headwater binary with its stderr on a pseudo-terminal, as an author's shell
// would, to see what a command shows only on a terminal. The terminal is raw, so what it
// receives is exactly what the command wrote (no "\n" turned into "\r\n").
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "integration/toolkit_command.hpp"
#include "support/child_process.hpp"
#include "util/unique_fd.hpp"

namespace hw::test {

// The master side of a new raw pseudo-terminal, and its slave side opened.
struct Terminal {
  util::UniqueFd master, slave;
};

inline Terminal open_raw_terminal() {
  Terminal t;
  t.master = util::UniqueFd(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!t.master || ::grantpt(t.master.get()) != 0 || ::unlockpt(t.master.get()) != 0)
    throw std::runtime_error("cannot open a pseudo-terminal");
  char name[PATH_MAX];
  if (::ptsname_r(t.master.get(), name, sizeof name) != 0)
    throw std::runtime_error("cannot name the pseudo-terminal");
  t.slave = util::UniqueFd(::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC));
  termios mode{};
  if (!t.slave || ::tcgetattr(t.slave.get(), &mode) != 0)
    throw std::runtime_error("cannot open the pseudo-terminal's slave side");
  ::cfmakeraw(&mode);
  if (::tcsetattr(t.slave.get(), TCSANOW, &mode) != 0)
    throw std::runtime_error("cannot make the pseudo-terminal raw");
  return t;
}

// Appends what the terminal holds, waiting up to `wait_ms` for it; false when nothing came
// (after the command ended: everything was read).
inline bool read_some(int master, std::string& into, int wait_ms) {
  pollfd ready{master, POLLIN, 0};
  if (::poll(&ready, 1, wait_ms) <= 0) return false;
  char chunk[4096];
  const ssize_t n = ::read(master, chunk, sizeof chunk);
  if (n <= 0) return false;  // EIO: no process holds the slave side any more
  into.append(chunk, static_cast<std::size_t>(n));
  return true;
}

// `headwater args...` in `cwd`, stdout captured to `out`, stderr on a terminal whose
// output is `err`; killed (and the test failed by an exception) when it outlives `timeout`.
inline CommandResult run_headwater_on_terminal(
    const std::vector<std::string>& args, const std::string& cwd,
    std::chrono::seconds timeout = std::chrono::seconds(60)) {
  TempDir capture;
  const std::string out_path = capture.path() + "/out";
  Terminal terminal = open_raw_terminal();
  const pid_t pid = spawn_headwater(args, cwd, out_path, terminal.slave.get());
  terminal.slave = util::UniqueFd();  // the child holds the only slave side: EIO once it ends
  CommandResult result;
  // Read as it comes, so a full terminal buffer never blocks the command.
  const auto exit_code = wait_or_kill(pid, timeout, [&] {
    if (!read_some(terminal.master.get(), result.err, 5))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  if (!exit_code) throw std::runtime_error("headwater did not finish in time: " + result.err);
  while (read_some(terminal.master.get(), result.err, 0)) {
  }
  result.exit_code = *exit_code;
  result.out = slurp(out_path);
  return result;
}

}  // namespace hw::test
