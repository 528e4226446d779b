#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "streaming/frame.hpp"
#include "util/unique_fd.hpp"

// A segment of the ingest log holds the events committed during one window:
//   <dir>/<startMs>.open          the segment being appended to
//   <dir>/<startMs>-<endMs>.seg   sealed: complete, waiting to land in datasets
namespace hw::streaming {

struct Segment {
  std::filesystem::path path;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;  // 0 while open
  std::size_t events = 0;   // whole entries in it
  bool sealed() const { return end_ms != 0; }
};

std::filesystem::path open_segment_path(const std::filesystem::path& dir, std::int64_t start_ms);
std::filesystem::path sealed_segment_path(const std::filesystem::path& dir, std::int64_t start_ms,
                                          std::int64_t end_ms);
// The segment a file name describes; nullopt for any other file.
std::optional<Segment> parse_segment_path(const std::filesystem::path& path);

// Reads a segment's frames in order, a chunk at a time, so memory stays bounded however
// large the segment is. A commit's padding is skipped when another commit follows it; zeros
// at the start of a commit's place, or any damaged frame, end the good part.
class SegmentReader {
 public:
  // Throws std::system_error naming the path when it cannot be opened.
  explicit SegmentReader(const std::filesystem::path& path);

  // The next whole frame's payload, valid until the next call; nullopt once the whole
  // frames are exhausted (see stop()).
  std::optional<std::string_view> next();
  // After next() gave nullopt: `end` when the file ends just after a whole frame, else what
  // follows the last whole frame (`padding`: zeros where the next commit would start).
  FrameStatus stop() const { return stop_; }
  // Where the last whole frame read ends: the length of the segment's good part.
  std::uint64_t valid_end() const { return valid_end_; }

 private:
  bool fill();
  // Moves past a commit's padding to where the next commit starts; false at the file's end.
  bool skip_padding();

  std::filesystem::path path_;
  util::UniqueFd fd_;
  std::string buffer_;
  std::size_t begin_ = 0;
  bool eof_ = false;
  FrameStatus stop_ = FrameStatus::end;
  std::uint64_t position_ = 0;  // in the file, of buffer_[begin_]
  std::uint64_t valid_end_ = 0;
};

}  // namespace hw::streaming
