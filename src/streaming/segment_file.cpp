#include "streaming/segment_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <system_error>

#include "streaming/frame.hpp"

namespace hw::streaming {
namespace {

[[noreturn]] void fail(const char* what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), std::string(what) + " " + path.string());
}

std::size_t round_up(std::size_t n) {
  return (n + kCommitAlignment - 1) / kCommitAlignment * kCommitAlignment;
}

}  // namespace

void AlignedBuffer::Free::operator()(char* p) const {
  std::free(p);
}

char* AlignedBuffer::reserve(std::size_t bytes) {
  if (bytes > capacity_) {
    const std::size_t size = round_up(std::max(bytes, 2 * capacity_));
    void* memory = nullptr;
    if (::posix_memalign(&memory, kCommitAlignment, size) != 0) throw std::bad_alloc();
    data_.reset(static_cast<char*>(memory));
    capacity_ = size;
  }
  return data_.get();
}

std::uint64_t next_commit_offset(std::uint64_t offset, std::size_t bytes) {
  return offset + round_up(bytes);
}

SegmentFile::SegmentFile(std::filesystem::path path) : path_(std::move(path)) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  fd_ = util::UniqueFd(::open(path_.c_str(), kFlags | O_DIRECT | O_DSYNC, 0644));
  direct_ = static_cast<bool>(fd_);
  // Some file systems (tmpfs) refuse O_DIRECT: buffered writes and fdatasync then.
  if (!fd_ && errno == EINVAL) fd_ = util::UniqueFd(::open(path_.c_str(), kFlags, 0644));
  if (!fd_) fail("cannot create", path_);
}

void SegmentFile::write_at(std::uint64_t offset, const std::vector<std::string>& parts,
                           AlignedBuffer& buffer) const {
  std::size_t size = 0;
  for (const auto& part : parts) size += part.size();
  const std::size_t padded = round_up(size);
  char* const data = buffer.reserve(padded);
  char* at = data;
  for (const auto& part : parts) at = std::copy(part.begin(), part.end(), at);
  std::memset(at, 0, padded - size);
  for (std::size_t done = 0; done < padded;) {
    const ssize_t n =
        ::pwrite(fd_.get(), data + done, padded - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write", path_);
    done += static_cast<std::size_t>(n);
  }
  if (!direct_ && ::fdatasync(fd_.get()) != 0) fail("cannot fdatasync", path_);
}

void SegmentFile::finish(std::uint64_t length) const {
  if (::ftruncate(fd_.get(), static_cast<off_t>(length)) != 0) fail("cannot truncate", path_);
  if (::fsync(fd_.get()) != 0) fail("cannot fsync", path_);
}

}  // namespace hw::streaming
