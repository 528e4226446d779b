#include "engine/extract/record_extractor.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "engine/extract/simd_path.hpp"
#include "engine/http_types.hpp"
#include "engine/run_error.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"

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

bool names_only(const jsonpath::Path& path) {
  return std::all_of(path.segments().begin(), path.segments().end(), [](const auto& segment) {
    return segment.selectors[0].kind != jsonpath::Selector::Kind::index;
  });
}

static_assert(kBodyPadding >= simdjson::SIMDJSON_PADDING);

// Pages from the Fetcher have the room already; others get it here.
void pad(std::string& body) {
  if (body.capacity() - body.size() < simdjson::SIMDJSON_PADDING)
    body.reserve(body.size() + simdjson::SIMDJSON_PADDING);
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// The text of one array element, as the source wrote it.
simdjson::error_code raw_text(simdjson::ondemand::value element, std::string_view& out) {
  simdjson::ondemand::json_type type;
  if (auto error = element.type().get(type)) return error;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object object;
    if (auto error = element.get_object().get(object)) return error;
    return object.raw_json().get(out);
  }
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (auto error = element.get_array().get(array)) return error;
    return array.raw_json().get(out);
  }
  out = trim_end(element.raw_json_token());
  return simdjson::SUCCESS;
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
  sliceable_ = singular_ && names_only(path_);
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
      emit_text(simdjson::minify(element), sink);
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
  if (!explode_) return sink(hw::json::serialize(record));
  if (auto why = explode_->apply(record, sink))
    fail(raw, "EXPLODE_NOT_ARRAY", std::move(*why), failed);
}

void RecordExtractor::fail(std::string_view raw, std::string code, std::string reason,
                           const FailureSink& failed) {
  if (failed) failed(raw, {seen_, std::move(code), std::move(reason)});
}

PreparedPage RecordExtractor::prepare(std::string body,
                                      std::unique_ptr<simdjson::dom::parser> parser) const {
  PreparedPage page{std::move(body), 0, std::move(parser), std::nullopt, std::nullopt};
  if (!singular_) {
    auto parsed = json::parse(page.body);
    if (!parsed.ok) malformed("the page is not valid JSON: " + parsed.error);
    path_.select(parsed.value, [&](const boost::json::value& match) {
      page.records += match.is_array() ? match.get_array().size() : 1;
    });
    page.page = std::move(parsed.value);
    return page;
  }
  pad(page.body);
  simdjson::dom::element node;
  if (auto error = page.parser->parse(page.body.data(), page.body.size(), false).get(node))
    malformed(std::string("the page is not valid JSON: ") + simdjson::error_message(error));
  const auto found = simd_walk(node, path_);
  if (!found || found->is_null()) return page;  // the path is absent: a page without records
  simdjson::dom::array array;
  if (found->get_array().get(array))
    malformed("contentPath " + path_.to_string() + " does not lead to an array");
  page.array = array;
  page.records = array.size();
  return page;
}

std::size_t RecordExtractor::emit(PreparedPage& page, const Sink& sink, const FailureSink& failed) {
  if (page.page) return emit_general(*page.page, sink, failed);
  if (!page.array) return 0;
  if (plain() && sliceable_) return emit_slices(page.body, sink);
  return emit_array(*page.array, sink, failed);
}

std::size_t RecordExtractor::extract(std::string_view text, const Sink& sink,
                                     const FailureSink& failed) {
  if (!spare_) spare_ = std::make_unique<simdjson::dom::parser>();
  auto page = prepare(std::string(text), std::move(spare_));
  const std::size_t count = emit(page, sink, failed);
  spare_ = std::move(page.parser);
  return count;
}

// The page was validated whole by prepare: a second, on-demand pass finds where each
// record's text starts and ends, so records are copied, never re-serialized.
std::size_t RecordExtractor::emit_slices(std::string& body, const Sink& sink) {
  simdjson::ondemand::document doc;
  auto fail_slicing = [](simdjson::error_code error) {
    malformed(std::string("the page could not be sliced: ") + simdjson::error_message(error));
  };
  if (auto error = slicer_.iterate(body.data(), body.size(), body.capacity()).get(doc))
    fail_slicing(error);
  simdjson::ondemand::value node;
  if (auto error = doc.get_value().get(node)) fail_slicing(error);
  for (const auto& segment : path_.segments()) {
    const auto& selector = segment.selectors[0];
    if (selector.kind == jsonpath::Selector::Kind::wildcard) break;
    if (auto error = node.find_field_unordered(selector.name).get(node)) fail_slicing(error);
  }
  simdjson::ondemand::array array;
  if (auto error = node.get_array().get(array)) fail_slicing(error);
  std::size_t count = 0;
  for (auto element : array) {
    simdjson::ondemand::value value;
    std::string_view text;
    if (auto error = element.get(value)) fail_slicing(error);
    if (auto error = raw_text(value, text)) fail_slicing(error);
    emit_text(text, sink);
    ++seen_;
    ++count;
  }
  return count;
}

// Records are written minified, whatever the source's layout: one per line, and compact.
void RecordExtractor::emit_text(std::string_view element, const Sink& sink) {
  buffer_.clear();
  if (!wrapper_.empty())
    buffer_ += "{" + hw::json::serialize(boost::json::string(wrapper_)) + ":";
  const std::size_t at = buffer_.size();
  buffer_.resize(at + element.size());
  std::size_t length = 0;
  if (simdjson::minify(element.data(), element.size(), buffer_.data() + at, length))
    malformed("a record could not be minified");
  buffer_.resize(at + length);
  if (!wrapper_.empty()) buffer_ += "}";
  sink(buffer_);
}

// Descendants, slices and unions: rare in specs, so they take the DOM route.
std::size_t RecordExtractor::emit_general(const boost::json::value& page, const Sink& sink,
                                          const FailureSink& failed) {
  std::size_t count = 0;
  path_.select(page, [&](const boost::json::value& match) {
    auto emit = [&](const boost::json::value& element) {
      buffer_ = hw::json::serialize(element);
      if (!plain()) {
        shape(element, buffer_, sink, failed);
      } else {
        const std::string text = std::move(buffer_);
        emit_text(text, sink);
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
