#include "streaming/segment.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <system_error>

namespace hw::streaming {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

bool parse_ms(std::string_view text, std::int64_t& out) {
  const char* end = text.data() + text.size();
  auto [at, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && at == end && out > 0;
}

}  // namespace

std::filesystem::path open_segment_path(const std::filesystem::path& dir, std::int64_t start_ms) {
  return dir / (std::to_string(start_ms) + ".open");
}

std::filesystem::path sealed_segment_path(const std::filesystem::path& dir, std::int64_t start_ms,
                                          std::int64_t end_ms) {
  return dir / (std::to_string(start_ms) + "-" + std::to_string(end_ms) + ".seg");
}

std::optional<Segment> parse_segment_path(const std::filesystem::path& path) {
  const std::string stem = path.stem().string();
  Segment segment{path};
  if (path.extension() == ".open" && parse_ms(stem, segment.start_ms)) return segment;
  const auto dash = stem.find('-');
  if (path.extension() != ".seg" || dash == std::string::npos) return std::nullopt;
  if (!parse_ms(std::string_view(stem).substr(0, dash), segment.start_ms) ||
      !parse_ms(std::string_view(stem).substr(dash + 1), segment.end_ms)) {
    return std::nullopt;
  }
  return segment;
}

SegmentReader::SegmentReader(const std::filesystem::path& path)
    : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
  if (!fd_) throw std::system_error(errno, std::generic_category(), "open " + path.string());
}

bool SegmentReader::fill() {
  if (eof_) return false;
  buffer_.erase(0, begin_);
  begin_ = 0;
  const std::size_t had = buffer_.size();
  buffer_.resize(had + kChunkBytes);
  ssize_t got;
  do {
    got = ::read(fd_.get(), buffer_.data() + had, kChunkBytes);
  } while (got < 0 && errno == EINTR);
  if (got < 0) throw std::system_error(errno, std::generic_category(), "read " + path_.string());
  buffer_.resize(had + static_cast<std::size_t>(got));
  eof_ = got == 0;
  return got > 0;
}

bool SegmentReader::skip_padding() {
  const std::uint64_t gap = (kCommitAlignment - position_ % kCommitAlignment) % kCommitAlignment;
  while (buffer_.size() - begin_ < gap)
    if (!fill()) return false;
  begin_ += gap;
  position_ += gap;
  // Padding that runs to the end of the file ends the segment, as padding does.
  while (gap > 0 && begin_ == buffer_.size())
    if (!fill()) return false;
  return gap > 0;
}

std::optional<std::string_view> SegmentReader::next() {
  for (;;) {
    const FrameRead frame = read_frame(std::string_view(buffer_).substr(begin_));
    if (frame.status == FrameStatus::ok) {
      begin_ += frame.size;
      position_ += frame.size;
      valid_end_ = position_;
      return frame.payload;
    }
    const bool more = frame.status == FrameStatus::padding   ? skip_padding()
                      : frame.status == FrameStatus::corrupt ? false
                                                             : fill();
    if (!more) {
      stop_ = frame.status;
      return std::nullopt;
    }
  }
}

}  // namespace hw::streaming
