#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hw::streaming {

// One event as the ingest log keeps it: where it goes (the flow, decided when it was
// acknowledged) and what lands. Views: decode_entry's point into the frame it read.
struct LogEntry {
  std::string_view org;
  std::string_view sandbox;
  std::string_view flow_id;
  std::int64_t received_ms = 0;
  // Empty for an event that lands as a record; otherwise it lands in the failed files
  // with this reason.
  std::string_view reason;
  std::string_view record;  // the JSON that lands (a failed event's text as received)
};

// Appends the entry's encoding (the payload of one frame) to `out`.
void encode_entry(std::string& out, const LogEntry& entry);
// nullopt when `payload` is not an encoding of an entry.
std::optional<LogEntry> decode_entry(std::string_view payload);

}  // namespace hw::streaming
