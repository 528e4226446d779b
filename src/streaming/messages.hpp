#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hw::streaming {

// One message of a request, unwrapped (envelope.hpp).
struct Message {
  std::string record;  // what lands, when valid
  std::string error;   // why it cannot land, when not
  std::string text;    // the message as sent (minified), for the failed files
};

// The messages of a request body, or why the body as a whole is unusable (`error`).
struct Messages {
  std::vector<Message> items;
  std::string error;
};

// /collection/{id}: one JSON object.
Messages read_one_message(std::string_view body);
// /collection/batch/{id}: a JSON array of messages, or {"messages": [...]}. Messages that are
// not valid are reported one by one; the others still land.
Messages read_batch_messages(std::string_view body);

}  // namespace hw::streaming
