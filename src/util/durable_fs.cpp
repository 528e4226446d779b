#include "util/durable_fs.hpp"

#include <fcntl.h>

#include <cerrno>
#include <system_error>

namespace hw::util {
namespace {

[[noreturn]] void throw_errno(const char* what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), std::string(what) + " " + path.string());
}

UniqueFd open_for_sync(const std::filesystem::path& path) {
  // O_RDONLY is enough for fsync, and the only way to open a directory.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) throw_errno("cannot open", path);
  return fd;
}

}  // namespace

UniqueFd create_new_file(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (!fd) throw_errno("cannot create", path);
  return fd;
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void fsync_fd(int fd, const std::filesystem::path& path) {
  if (::fsync(fd) != 0) throw_errno("cannot fsync", path);
}

void fsync_path(const std::filesystem::path& path) {
  fsync_fd(open_for_sync(path).get(), path);
}

void write_file_durably(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path temp = path;
  temp += ".tmp";
  std::filesystem::remove(temp);  // left by a crash between create and rename
  {
    const UniqueFd fd = create_new_file(temp);
    write_all(fd.get(), bytes, temp);
    fsync_fd(fd.get(), temp);
  }
  rename_durably(temp, path);
}

void create_directories_durably(const std::filesystem::path& dir) {
  if (dir.empty() || std::filesystem::is_directory(dir)) return;
  create_directories_durably(dir.parent_path());
  if (std::filesystem::create_directory(dir)) fsync_path(dir.parent_path());
}

void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::rename(from, to);
  fsync_path(to.parent_path());
}

}  // namespace hw::util
