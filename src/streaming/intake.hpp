#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "streaming/inlet_registry.hpp"
#include "streaming/messages.hpp"

namespace hw::streaming {

// What became of one message of a request.
struct MessageResult {
  std::string xaction_id;
  std::string error;  // empty: accepted
};

// A request's messages as ingest log frames, ready for IngestLog::append.
struct Intake {
  std::string frames;
  std::size_t events = 0;  // log entries in `frames`
  std::vector<MessageResult> results;
};

// One entry per message and enabled flow of the inlet: valid messages land as records, the
// others (and, with `sync_validation`, those a flow's mapping refuses) in the failed files
// with their reason. xactionIds are `xaction_id` for a lone message, `xaction_id:index` in a
// batch.
Intake take_messages(const Inlet& inlet, const Messages& messages, std::int64_t received_ms,
                     bool sync_validation, bool batch, std::string_view xaction_id);

// A new transaction id, unique to this process ("<ms>:<process>:<counter>", the shape of
// Adobe's).
std::string new_xaction_id(std::int64_t received_ms);

}  // namespace hw::streaming
