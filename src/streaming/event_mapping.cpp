#include "streaming/event_mapping.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"

namespace hw::streaming {

MappedEvent map_event(const StreamFlow& flow, std::string_view record) {
  if (!flow.mapping_error.empty()) return {{}, flow.mapping_error};
  if (!flow.mapping) return {std::string(record), {}};
  // One arena per event, mostly on the stack: parsing and mapping allocate nothing else.
  unsigned char arena[16384];
  boost::json::monotonic_resource memory(arena, sizeof arena);
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(record, ec, &memory);
  if (ec) return {{}, "the event is not valid JSON"};
  const auto mapped = flow.mapping->apply(parsed, &memory);
  if (mapped.empty())
    return {{}, "none of the source attributes of the flow's mapping set is in the event"};
  return {hw::json::serialize(mapped), {}};
}

}  // namespace hw::streaming
