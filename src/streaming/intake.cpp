#include "streaming/intake.hpp"

#include <atomic>

#include "streaming/event_mapping.hpp"
#include "streaming/frame.hpp"
#include "streaming/log_entry.hpp"
#include "util/ids.hpp"

namespace hw::streaming {
namespace {

void add_entry(Intake& intake, const Inlet& inlet, const StreamFlow& flow, std::int64_t received_ms,
               std::string_view reason, std::string_view record) {
  const std::size_t frame = open_frame(intake.frames);
  encode_entry(intake.frames,
               {inlet.scope.org, inlet.scope.sandbox, flow.id, received_ms, reason, record});
  close_frame(intake.frames, frame);
  ++intake.events;
}

// The first refusal among the flows' mappings, if any.
std::string validation_error(const Inlet& inlet, std::string_view record) {
  for (const auto& flow : inlet.enabled_flows) {
    auto mapped = map_event(flow, record);
    if (!mapped.error.empty()) return std::move(mapped.error);
  }
  return {};
}

}  // namespace

Intake take_messages(const Inlet& inlet, const Messages& messages, std::int64_t received_ms,
                     bool sync_validation, bool batch, std::string_view xaction_id) {
  Intake intake;
  intake.results.reserve(messages.items.size());
  for (std::size_t i = 0; i < messages.items.size(); ++i) {
    const Message& m = messages.items[i];
    MessageResult result{
        batch ? std::string(xaction_id) + ":" + std::to_string(i) : std::string(xaction_id),
        m.error};
    if (result.error.empty() && sync_validation) result.error = validation_error(inlet, m.record);
    const std::string_view landed = result.error.empty() ? m.record
                                    : m.text.empty()     ? m.record
                                                         : m.text;
    for (const auto& flow : inlet.enabled_flows)
      add_entry(intake, inlet, flow, received_ms, result.error, landed);
    intake.results.push_back(std::move(result));
  }
  return intake;
}

std::string new_xaction_id(std::int64_t received_ms) {
  static const std::string process = util::new_uuid().substr(0, 4);
  static std::atomic<std::uint64_t> counter{0};
  return std::to_string(received_ms) + ":" + process + ":" +
         std::to_string(counter.fetch_add(1, std::memory_order_relaxed));
}

}  // namespace hw::streaming
