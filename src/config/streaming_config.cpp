#include "config/streaming_config.hpp"

#include <boost/json.hpp>

#include <stdexcept>
#include <string>

namespace hw::config {
namespace {

constexpr const char* kKeys[] = {"windowSeconds", "maxPendingBytes", "maxQueuedEvents", "writers"};

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view key,
                       std::string_view why) {
  throw std::runtime_error(file.string() + ": streaming" + (key.empty() ? "" : ".") +
                           std::string(key) + ": " + std::string(why));
}

void refuse_unknown(const std::filesystem::path& file, const boost::json::object& streaming) {
  for (const auto& [key, value] : streaming) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known)
      fail(file, key,
           "unknown setting; use windowSeconds, maxPendingBytes, maxQueuedEvents or writers");
  }
}

// An integer in [least, most], or nullopt when the key is absent.
std::optional<std::int64_t> read_between(const std::filesystem::path& file,
                                         const boost::json::object& streaming, const char* key,
                                         std::int64_t least, std::int64_t most) {
  const auto* v = streaming.if_contains(key);
  if (!v) return std::nullopt;
  if (!v->is_int64() || v->as_int64() < least || v->as_int64() > most) {
    fail(file, key,
         "must be an integer from " + std::to_string(least) + " to " + std::to_string(most));
  }
  return v->as_int64();
}

}  // namespace

void read_streaming_config(const std::filesystem::path& file, const boost::json::value& streaming,
                           streaming::IngestLogOptions& out) {
  if (!streaming.is_object()) fail(file, "", "must be an object");
  const auto& o = streaming.as_object();
  refuse_unknown(file, o);
  if (auto s = read_between(file, o, "windowSeconds", 1, 86'400))
    out.window = std::chrono::seconds(*s);
  if (auto b =
          read_between(file, o, "maxPendingBytes", std::int64_t{1} << 20, std::int64_t{64} << 30))
    out.max_pending_bytes = static_cast<std::size_t>(*b);
  if (auto n = read_between(file, o, "maxQueuedEvents", 1, 1'000'000'000))
    out.max_queued_events = static_cast<std::size_t>(*n);
  if (auto w = read_between(file, o, "writers", 1, 64)) out.writers = static_cast<unsigned>(*w);
}

}  // namespace hw::config
