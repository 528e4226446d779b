#include "engine/extract/record_extractor.hpp"

#include <boost/json.hpp>

#include "engine/run_error.hpp"
#include "json/parse.hpp"

namespace hw::engine {
namespace {

std::string content_path_text(const boost::json::object& attributes, std::string& wrapper) {
  const auto* content = attributes.if_contains("contentPath");
  if (content && content->is_string()) return std::string(content->get_string());
  if (content && content->is_object()) {
    const auto& o = content->get_object();
    if (const auto* w = o.if_contains("overrideWrapperAttribute"); w && w->is_string())
      wrapper = w->get_string();
    if (const auto* p = o.if_contains("path"); p && p->is_string())
      return std::string(p->get_string());
  }
  return "$";
}

// Names and indexes only, optionally with one trailing [*]: the shapes real specs use.
bool walkable(const jsonpath::Path& path) {
  const auto& segments = path.segments();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    if (s.descendant || s.selectors.size() != 1) return false;
    const auto kind = s.selectors[0].kind;
    const bool last_wildcard =
        i + 1 == segments.size() && kind == jsonpath::Selector::Kind::wildcard;
    if (kind != jsonpath::Selector::Kind::name && kind != jsonpath::Selector::Kind::index &&
        !last_wildcard)
      return false;
  }
  return true;
}

[[noreturn]] void malformed(const std::string& why) {
  throw RunError("MALFORMED_PAGE", why);
}

}  // namespace

RecordExtractor::RecordExtractor(const boost::json::object& attributes) {
  const std::string text = content_path_text(attributes, wrapper_);
  auto parsed = jsonpath::parse(text);
  if (!parsed)
    throw RunError("INVALID_SPEC",
                   "contentPath '" + text + "' does not parse: " + parsed.error.message);
  path_ = std::move(*parsed.path);
  singular_ = walkable(path_);
}

std::size_t RecordExtractor::emit_array(simdjson::dom::array array, const Sink& sink) {
  std::size_t count = 0;
  for (auto element : array) {
    buffer_.clear();
    if (!wrapper_.empty())
      buffer_ += "{" + boost::json::serialize(boost::json::string(wrapper_)) + ":";
    buffer_ += simdjson::minify(element);
    if (!wrapper_.empty()) buffer_ += "}";
    sink(buffer_);
    ++count;
  }
  return count;
}

std::size_t RecordExtractor::extract(std::string_view page, const Sink& sink) {
  if (!singular_) return extract_general(page, sink);
  simdjson::dom::element node;
  if (auto error = parser_.parse(page.data(), page.size()).get(node)) {
    malformed(std::string("the page is not valid JSON: ") + simdjson::error_message(error));
  }
  for (const auto& segment : path_.segments()) {
    const auto& selector = segment.selectors[0];
    if (selector.kind == jsonpath::Selector::Kind::wildcard) break;
    auto next = selector.kind == jsonpath::Selector::Kind::name
                    ? node.at_key(selector.name)
                    : node.at(static_cast<std::size_t>(selector.index));
    if (next.error()) return 0;  // the path is absent: a page without records
    node = next.value_unsafe();
  }
  if (node.is_null()) return 0;
  simdjson::dom::array array;
  if (node.get_array().get(array))
    malformed("contentPath " + path_.to_string() + " does not lead to an array");
  return emit_array(array, sink);
}

// Descendants, slices and unions: rare in specs, so they take the DOM route.
std::size_t RecordExtractor::extract_general(std::string_view page, const Sink& sink) {
  auto parsed = json::parse(page);
  if (!parsed.ok) malformed("the page is not valid JSON: " + parsed.error);
  std::size_t count = 0;
  path_.select(parsed.value, [&](const boost::json::value& match) {
    auto emit = [&](const boost::json::value& element) {
      buffer_ = boost::json::serialize(element);
      if (!wrapper_.empty())
        buffer_ = "{" + boost::json::serialize(boost::json::string(wrapper_)) + ":" + buffer_ + "}";
      sink(buffer_);
      ++count;
    };
    if (match.is_array()) {
      for (const auto& element : match.get_array()) emit(element);
    } else {
      emit(match);
    }
  });
  return count;
}

}  // namespace hw::engine
