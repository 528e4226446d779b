#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "util/unique_fd.hpp"

namespace hw::streaming {

// Memory aligned for direct I/O; grows, never shrinks. One per writing thread.
class AlignedBuffer {
 public:
  // At least `bytes`, aligned to kCommitAlignment; the contents are not kept.
  char* reserve(std::size_t bytes);

 private:
  struct Free {
    void operator()(char* p) const;
  };
  std::unique_ptr<char, Free> data_;
  std::size_t capacity_ = 0;
};

// A segment file being appended to by concurrent commits, each at its own offset (a multiple
// of kCommitAlignment) and durable when write_at returns. Where the file system allows it,
// the file is opened O_DIRECT | O_DSYNC: one write that reaches the disk, no page-cache
// writeback and fdatasync to wait for; and several such writes in flight keep the disk's
// queue busy, which on virtual disks is what keeps each one fast.
class SegmentFile {
 public:
  // Creates `path`, which must not exist; throws std::system_error naming it.
  explicit SegmentFile(std::filesystem::path path);

  // Writes `parts` (whole frames) one after the other at `offset`, zeros padding them to a
  // whole block, durably. Thread-safe for distinct offsets. Throws std::system_error.
  void write_at(std::uint64_t offset, const std::vector<std::string>& parts,
                AlignedBuffer& buffer) const;
  // Cuts the file at `length` (the end of the last commit's frames) and makes that durable.
  void finish(std::uint64_t length) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  util::UniqueFd fd_;
  bool direct_ = false;
};

// Where the commit after one of `bytes` at `offset` starts.
std::uint64_t next_commit_offset(std::uint64_t offset, std::size_t bytes);

}  // namespace hw::streaming
