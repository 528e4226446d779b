#include "streaming/log_entry.hpp"

namespace hw::streaming {
namespace {

constexpr char kVersion = 1;

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void put_field(std::string& out, std::string_view field) {
  const auto n = static_cast<std::uint32_t>(field.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
  out += field;
}

class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : rest_(bytes) {}

  bool u64(std::uint64_t& v) {
    if (rest_.size() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
    rest_.remove_prefix(8);
    return true;
  }

  bool field(std::string_view& v) {
    if (rest_.size() < 4) return false;
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= std::uint32_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
    rest_.remove_prefix(4);
    if (rest_.size() < n) return false;
    v = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return true;
  }

  bool byte(char& c) {
    if (rest_.empty()) return false;
    c = rest_.front();
    rest_.remove_prefix(1);
    return true;
  }

  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

void encode_entry(std::string& out, const LogEntry& entry) {
  out += kVersion;
  put_u64(out, static_cast<std::uint64_t>(entry.received_ms));
  put_field(out, entry.org);
  put_field(out, entry.sandbox);
  put_field(out, entry.flow_id);
  put_field(out, entry.reason);
  put_field(out, entry.record);
}

std::optional<LogEntry> decode_entry(std::string_view payload) {
  Cursor in(payload);
  LogEntry entry;
  char version = 0;
  std::uint64_t received = 0;
  if (!in.byte(version) || version != kVersion || !in.u64(received) || !in.field(entry.org) ||
      !in.field(entry.sandbox) || !in.field(entry.flow_id) || !in.field(entry.reason) ||
      !in.field(entry.record) || !in.done()) {
    return std::nullopt;
  }
  entry.received_ms = static_cast<std::int64_t>(received);
  return entry;
}

}  // namespace hw::streaming
