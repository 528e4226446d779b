// The ingest log's framing: CRC-32C, whole frames read back, and every way a crash or the
// disk can leave the bytes after them (torn, damaged, zero padding).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "streaming/crc32c.hpp"
#include "streaming/frame.hpp"
#include "streaming/log_entry.hpp"

namespace hw::streaming {
namespace {

std::string frame_of(std::string_view payload) {
  std::string out;
  const auto start = open_frame(out);
  out += payload;
  close_frame(out, start);
  return out;
}

// Every whole frame's payload from the start of `bytes`, and how the reading stopped.
std::pair<std::vector<std::string>, FrameStatus> read_all(std::string_view bytes) {
  std::vector<std::string> payloads;
  for (;;) {
    const auto frame = read_frame(bytes);
    if (frame.status != FrameStatus::ok) return {payloads, frame.status};
    payloads.emplace_back(frame.payload);
    bytes.remove_prefix(frame.size);
  }
}

TEST(StreamingFrame, Crc32cMatchesTheStandardCheckValue) {
  EXPECT_EQ(crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(crc32c(""), 0u);
  EXPECT_EQ(crc32c_extend(crc32c("1234"), "56789"), 0xE3069283u);
}

TEST(StreamingFrame, TheInstructionAndTheTablesAgree) {
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += static_cast<char>((i * 131 + 7) & 0xff);
  EXPECT_EQ(detail::crc32c_table(0, "123456789"), 0xE3069283u);
  for (std::size_t n : {0, 1, 7, 8, 9, 63, 1000})
    EXPECT_EQ(crc32c(std::string_view(bytes).substr(0, n)),
              detail::crc32c_table(0, std::string_view(bytes).substr(0, n)))
        << n << " bytes";
}

TEST(StreamingFrame, ReadsBackWhatWasFramed) {
  const std::string bytes = frame_of("first") + frame_of("") + frame_of(std::string(5000, 'x'));
  const auto [payloads, stop] = read_all(bytes);
  EXPECT_EQ(payloads, (std::vector<std::string>{"first", "", std::string(5000, 'x')}));
  EXPECT_EQ(stop, FrameStatus::end);
  EXPECT_EQ(bytes.size(), 3 * kFrameHeaderBytes + 5 + 5000);
}

TEST(StreamingFrame, ATornLastFrameIsIgnoredAtEveryCut) {
  const std::string whole = frame_of("acknowledged");
  const std::string last = frame_of("cut short by a crash");
  for (std::size_t cut = 1; cut < last.size(); ++cut) {
    const auto [payloads, stop] = read_all(whole + last.substr(0, cut));
    EXPECT_EQ(payloads, std::vector<std::string>{"acknowledged"}) << "cut at " << cut;
    EXPECT_EQ(stop, FrameStatus::torn) << "cut at " << cut;
  }
}

TEST(StreamingFrame, AChangedPayloadByteFailsTheChecksum) {
  std::string bytes = frame_of("kept") + frame_of("damaged");
  bytes[bytes.size() - 3] ^= 0x20;
  const auto [payloads, stop] = read_all(bytes);
  EXPECT_EQ(payloads, std::vector<std::string>{"kept"});
  EXPECT_EQ(stop, FrameStatus::corrupt);
}

TEST(StreamingFrame, AChangedLengthFailsTheChecksum) {
  std::string bytes = frame_of("kept") + frame_of("twelve bytes") + std::string(8, 'z');
  bytes[frame_of("kept").size() + 4] = 13;  // the length's low byte: 12 -> 13
  const auto [payloads, stop] = read_all(bytes);
  EXPECT_EQ(payloads, std::vector<std::string>{"kept"});
  EXPECT_EQ(stop, FrameStatus::corrupt);
}

TEST(StreamingFrame, WrongMagicIsCorruptAndZerosArePadding) {
  EXPECT_EQ(read_frame("XWF1........").status, FrameStatus::corrupt);
  EXPECT_EQ(read_frame(std::string(100, '\0')).status, FrameStatus::padding);
  EXPECT_EQ(read_frame(std::string(2, '\0')).status, FrameStatus::padding);
  EXPECT_EQ(read_frame("HW").status, FrameStatus::torn);
}

TEST(StreamingFrame, AnImpossibleLengthIsCorruptNotAWaitForMoreBytes) {
  std::string bytes = frame_of("x");
  bytes[7] = 0x7f;  // length now far above kMaxFramePayload
  EXPECT_EQ(read_frame(bytes).status, FrameStatus::corrupt);
}

TEST(StreamingLogEntry, RoundTrips) {
  std::string payload;
  encode_entry(payload, {"ORG@AdobeOrg", "prod", "flow-1", 1700000000123, "", R"({"a":1})"});
  const auto entry = decode_entry(payload);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->org, "ORG@AdobeOrg");
  EXPECT_EQ(entry->sandbox, "prod");
  EXPECT_EQ(entry->flow_id, "flow-1");
  EXPECT_EQ(entry->received_ms, 1700000000123);
  EXPECT_EQ(entry->reason, "");
  EXPECT_EQ(entry->record, R"({"a":1})");
}

TEST(StreamingLogEntry, RefusesTruncatedOrTrailingBytes) {
  std::string payload;
  encode_entry(payload, {"o", "s", "f", 1, "why", "5"});
  EXPECT_TRUE(decode_entry(payload));
  EXPECT_FALSE(decode_entry(payload.substr(0, payload.size() - 1)));
  EXPECT_FALSE(decode_entry(payload + "x"));
  EXPECT_FALSE(decode_entry(""));
}

}  // namespace
}  // namespace hw::streaming
