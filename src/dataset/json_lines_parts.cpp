#include "dataset/json_lines_parts.hpp"

#include <fcntl.h>

#include "util/durable_fs.hpp"

namespace hw::dataset {
namespace {

// Large enough that writes cost little next to producing the records, small enough to
// keep a run's memory flat.
constexpr std::size_t kBufferBytes = 1 << 20;

}  // namespace

JsonLinesParts::JsonLinesParts(std::filesystem::path dir, PartKind kind, std::uint64_t part_bytes)
    : dir_(std::move(dir)), kind_(kind), part_bytes_(part_bytes) {
  buffer_.reserve(kBufferBytes);
}

void JsonLinesParts::append(std::string_view line) {
  const std::uint64_t size = line.size() + 1;
  // A line larger than a whole part still goes somewhere: alone, in a part of its own.
  if (current_ && current_bytes_ + size > part_bytes_) close_current();
  if (!current_) open_next();
  buffer_.append(line);
  buffer_.push_back('\n');
  current_bytes_ += size;
  total_bytes_ += size;
  if (buffer_.size() >= kBufferBytes) flush();
}

void JsonLinesParts::finish() {
  if (!current_) return;
  flush();
  util::fsync_fd(current_.get(), current_path_);
}

void JsonLinesParts::open_next() {
  current_path_ = dir_ / part_name(kind_, next_index_++);
  current_ = util::create_new_file(current_path_);
  current_bytes_ = 0;
}

void JsonLinesParts::flush() {
  util::write_all(current_.get(), buffer_, current_path_);
  // Starts writing these bytes to disk now, without waiting: the fsync at the end of the
  // part then finds little left to do, and the disk works while the run reads on.
  ::sync_file_range(current_.get(), static_cast<off_t>(current_bytes_ - buffer_.size()),
                    static_cast<off_t>(buffer_.size()), SYNC_FILE_RANGE_WRITE);
  buffer_.clear();
}

void JsonLinesParts::close_current() {
  finish();
  current_.reset();
}

}  // namespace hw::dataset
