#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// How the ingest log delimits its entries on disk:
//   "HWF1" | payload length (u32, little-endian) | CRC-32C of length and payload | payload
// A crash can stop a write anywhere; the length says whether the frame is complete and
// the checksum whether its bytes are the ones written, so a reader keeps whole frames only.
namespace hw::streaming {

inline constexpr std::size_t kFrameHeaderBytes = 12;
// Each commit of frames starts at a multiple of this in a segment file, and zeros pad the
// space up to it: direct I/O writes whole blocks.
inline constexpr std::size_t kCommitAlignment = 4096;
// Far above the largest entry (an inlet takes bodies of at most 1 MB): a larger length
// can only be damage.
inline constexpr std::size_t kMaxFramePayload = std::size_t{8} << 20;

// Starts a frame at the end of `out`; append the payload, then call close_frame with the
// returned offset. Building in place saves copying each payload.
std::size_t open_frame(std::string& out);
void close_frame(std::string& out, std::size_t frame_start);

enum class FrameStatus {
  ok,       // a whole frame; `payload` and `size` are set
  end,      // no bytes left
  padding,  // zeros where a frame would start: the end of a commit
  torn,     // the bytes end inside a frame: a write a crash interrupted
  corrupt,  // not a frame, or its checksum does not match
};

struct FrameRead {
  FrameStatus status = FrameStatus::end;
  std::string_view payload;
  std::size_t size = 0;  // header and payload
};

// Reads the frame at the start of `bytes`.
FrameRead read_frame(std::string_view bytes);

}  // namespace hw::streaming
