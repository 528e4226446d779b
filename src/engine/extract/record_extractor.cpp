#include "engine/extract/record_extractor.hpp"

#include <boost/json.hpp>

#include "engine/extract/simd_path.hpp"
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

[[noreturn]] void malformed(const std::string& why) {
  throw RunError("MALFORMED_PAGE", why);
}

}  // namespace

RecordExtractor::RecordExtractor(const boost::json::object& attributes,
                                 const boost::json::value* schema) {
  const std::string text = content_path_text(attributes, wrapper_);
  auto parsed = jsonpath::parse(text);
  if (!parsed)
    throw RunError("INVALID_SPEC",
                   "contentPath '" + text + "' does not parse: " + parsed.error.message);
  path_ = std::move(*parsed.path);
  singular_ = simd_walkable(path_, true);
  if (const auto* content = attributes.if_contains("contentPath"); content && content->is_object())
    filter_ = AttributeFilter::from(content->get_object());
  explode_ = Explode::from(attributes, wrapper_);
  schema_ = RecordSchema::from(schema, path_);
}

std::size_t RecordExtractor::emit_array(simdjson::dom::array array, const Sink& sink,
                                        const FailureSink& failed) {
  std::size_t count = 0;
  for (auto element : array) {
    buffer_.clear();
    if (!plain()) {
      buffer_ = simdjson::minify(element);
      // simdjson reads deeper documents than the DOM route (and mapping) may take.
      auto parsed = json::parse(buffer_);
      if (parsed.ok)
        shape(std::move(parsed.value), buffer_, sink, failed);
      else
        fail(buffer_, "MALFORMED_RECORD", "$: " + parsed.error, failed);
    } else {
      if (!wrapper_.empty())
        buffer_ += "{" + boost::json::serialize(boost::json::string(wrapper_)) + ":";
      buffer_ += simdjson::minify(element);
      if (!wrapper_.empty()) buffer_ += "}";
      sink(buffer_);
    }
    ++seen_;
    ++count;
  }
  return count;
}

void RecordExtractor::shape(boost::json::value element, std::string_view raw, const Sink& sink,
                            const FailureSink& failed) {
  if (schema_) {
    if (auto why = schema_->violations(element); !why.empty())
      return fail(raw, "SCHEMA_VIOLATION", std::move(why), failed);
  }
  if (filter_ && element.is_object())
    filter_->apply(element.get_object(), explode_ ? explode_->element_field() : "");
  boost::json::value record = std::move(element);
  if (!wrapper_.empty()) {
    boost::json::object wrapped;
    wrapped[wrapper_] = std::move(record);
    record = std::move(wrapped);
  }
  if (!explode_) return sink(boost::json::serialize(record));
  if (auto why = explode_->apply(record, sink))
    fail(raw, "EXPLODE_NOT_ARRAY", std::move(*why), failed);
}

void RecordExtractor::fail(std::string_view raw, std::string code, std::string reason,
                           const FailureSink& failed) {
  if (failed) failed(raw, {seen_, std::move(code), std::move(reason)});
}

std::size_t RecordExtractor::extract(std::string_view page, const Sink& sink,
                                     const FailureSink& failed) {
  if (!singular_) return extract_general(page, sink, failed);
  simdjson::dom::element node;
  if (auto error = parser_.parse(page.data(), page.size()).get(node)) {
    malformed(std::string("the page is not valid JSON: ") + simdjson::error_message(error));
  }
  const auto found = simd_walk(node, path_);
  if (!found || found->is_null()) return 0;  // the path is absent: a page without records
  simdjson::dom::array array;
  if (found->get_array().get(array))
    malformed("contentPath " + path_.to_string() + " does not lead to an array");
  return emit_array(array, sink, failed);
}

// Descendants, slices and unions: rare in specs, so they take the DOM route.
std::size_t RecordExtractor::extract_general(std::string_view page, const Sink& sink,
                                             const FailureSink& failed) {
  auto parsed = json::parse(page);
  if (!parsed.ok) malformed("the page is not valid JSON: " + parsed.error);
  std::size_t count = 0;
  path_.select(parsed.value, [&](const boost::json::value& match) {
    auto emit = [&](const boost::json::value& element) {
      buffer_ = boost::json::serialize(element);
      if (!plain()) {
        shape(element, buffer_, sink, failed);
      } else {
        if (!wrapper_.empty())
          buffer_ =
              "{" + boost::json::serialize(boost::json::string(wrapper_)) + ":" + buffer_ + "}";
        sink(buffer_);
      }
      ++seen_;
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
