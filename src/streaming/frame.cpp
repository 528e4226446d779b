#include "streaming/frame.hpp"

#include <cstring>
#include <stdexcept>

#include "streaming/crc32c.hpp"

namespace hw::streaming {
namespace {

FrameRead stopped(FrameStatus status) {
  FrameRead out;
  out.status = status;
  return out;
}

constexpr char kMagic[4] = {'H', 'W', 'F', '1'};

void put_u32(char* at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t get_u32(const char* at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<unsigned char>(at[i])} << (8 * i);
  return v;
}

}  // namespace

std::size_t open_frame(std::string& out) {
  const std::size_t start = out.size();
  out.append(kFrameHeaderBytes, '\0');
  return start;
}

void close_frame(std::string& out, std::size_t frame_start) {
  const std::size_t length = out.size() - frame_start - kFrameHeaderBytes;
  if (length > kMaxFramePayload) throw std::length_error("a log entry is larger than a frame");
  char* header = out.data() + frame_start;
  std::memcpy(header, kMagic, 4);
  put_u32(header + 4, static_cast<std::uint32_t>(length));
  const std::uint32_t crc = crc32c_extend(crc32c(std::string_view(header + 4, 4)),
                                          std::string_view(header + kFrameHeaderBytes, length));
  put_u32(header + 8, crc);
}

FrameRead read_frame(std::string_view bytes) {
  if (bytes.empty()) return stopped(FrameStatus::end);
  const std::size_t magic_seen = std::min<std::size_t>(bytes.size(), 4);
  if (std::memcmp(bytes.data(), "\0\0\0\0", magic_seen) == 0) return stopped(FrameStatus::padding);
  if (std::memcmp(bytes.data(), kMagic, magic_seen) != 0) return stopped(FrameStatus::corrupt);
  if (bytes.size() < kFrameHeaderBytes) return stopped(FrameStatus::torn);
  const std::uint32_t length = get_u32(bytes.data() + 4);
  if (length > kMaxFramePayload) return stopped(FrameStatus::corrupt);
  if (bytes.size() - kFrameHeaderBytes < length) return stopped(FrameStatus::torn);
  const std::string_view payload = bytes.substr(kFrameHeaderBytes, length);
  const std::uint32_t crc = crc32c_extend(crc32c(bytes.substr(4, 4)), payload);
  if (crc != get_u32(bytes.data() + 8)) return stopped(FrameStatus::corrupt);
  return {FrameStatus::ok, payload, kFrameHeaderBytes + length};
}

}  // namespace hw::streaming
