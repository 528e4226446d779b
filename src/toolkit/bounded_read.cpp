#include "toolkit/bounded_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/unique_fd.hpp"

namespace hw::toolkit {
namespace {

ReadOutcome failed(std::string error) {
  ReadOutcome out;
  out.error = std::move(error);
  return out;
}

std::string too_large(std::size_t max_bytes) {
  return "is larger than " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

ReadOutcome read_bounded(const std::filesystem::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  util::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (!fd) return failed(std::string("cannot be read: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    return failed(std::string("cannot be read: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return failed("is not a regular file");
  if (static_cast<std::size_t>(st.st_size) > max_bytes) return failed(too_large(max_bytes));
  ReadOutcome out;
  out.text.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[64 * 1024];
  // Reads until the end, or one byte past max_bytes: the file may have grown since fstat.
  while (out.text.size() <= max_bytes) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return failed(std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    out.text.append(chunk, static_cast<std::size_t>(n));
  }
  if (out.text.size() > max_bytes) return failed(too_large(max_bytes));
  out.ok = true;
  return out;
}

}  // namespace hw::toolkit
