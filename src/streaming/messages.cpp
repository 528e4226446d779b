#include "streaming/messages.hpp"

#include <simdjson.h>

#include "streaming/envelope.hpp"

namespace hw::streaming {
namespace {

// Parsers keep their buffers between documents; one per thread, as the server's workers.
simdjson::dom::parser& parser() {
  thread_local simdjson::dom::parser instance;
  return instance;
}

Message message_of(simdjson::dom::element element) {
  auto [record, error] = unwrap(element);
  Message m{std::move(record), std::move(error), {}};
  if (!m.error.empty()) m.text = simdjson::minify(element);
  return m;
}

bool parse(std::string_view body, simdjson::dom::element& root, Messages& out) {
  const simdjson::padded_string padded(body);
  // Parsed into the parser's own buffers, which outlive `padded`.
  if (parser().parse(padded).get(root) != simdjson::SUCCESS) {
    out.error = "the body is not valid JSON";
    return false;
  }
  return true;
}

}  // namespace

Messages read_one_message(std::string_view body) {
  Messages out;
  simdjson::dom::element root;
  if (!parse(body, root, out)) return out;
  Message m = message_of(root);
  if (!m.error.empty()) {
    out.error = m.error;
    return out;
  }
  out.items.push_back(std::move(m));
  return out;
}

Messages read_batch_messages(std::string_view body) {
  Messages out;
  simdjson::dom::element root;
  if (!parse(body, root, out)) return out;
  simdjson::dom::array list;
  bool shaped = root.get(list) == simdjson::SUCCESS;
  simdjson::dom::object object;
  if (!shaped && root.get(object) == simdjson::SUCCESS) {
    // The last "messages" wins, as for every duplicate key (DESIGN §2).
    for (auto field : object)
      if (field.key == "messages") shaped = field.value.get(list) == simdjson::SUCCESS;
  }
  if (!shaped) {
    out.error = "the body must be a JSON array of messages, or {\"messages\": [...]}";
    return out;
  }
  for (auto element : list) out.items.push_back(message_of(element));
  if (out.items.empty()) out.error = "the batch has no messages";
  return out;
}

}  // namespace hw::streaming
