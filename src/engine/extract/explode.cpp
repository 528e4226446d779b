#include "engine/extract/explode.hpp"

#include <boost/json.hpp>

#include "engine/run_error.hpp"
#include "json/serialize.hpp"
#include "jsonpath/jsonpath.hpp"

namespace hw::engine {
namespace {

[[noreturn]] void invalid(const std::string& text, const std::string& why) {
  throw RunError("INVALID_SPEC", "explodeEntityPath '" + text + "' " + why);
}

std::vector<std::string> names_of(const std::string& text) {
  auto parsed = jsonpath::parse(text);
  if (!parsed) invalid(text, "does not parse: " + parsed.error.message);
  std::vector<std::string> names;
  for (const auto& segment : parsed.path->segments()) {
    if (segment.descendant || segment.selectors.size() != 1 ||
        segment.selectors[0].kind != jsonpath::Selector::Kind::name)
      invalid(text, "must be '$' followed by field names, like $.email.activity");
    names.push_back(segment.selectors[0].name);
  }
  if (names.empty()) invalid(text, "must name the field that holds the sub-array");
  return names;
}

std::string a_kind(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::object:
      return "an object";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::bool_:
      return "a boolean";
    default:
      return "a number";
  }
}

}  // namespace

std::optional<Explode> Explode::from(const boost::json::object& attributes,
                                     std::string_view wrapper) {
  const auto* config = attributes.if_contains("explodeEntityPath");
  if (!config) return std::nullopt;
  Explode explode;
  const auto* object = config->if_object();
  const auto* path = object ? object->if_contains("path") : config;
  explode.text_ = path && path->is_string() ? std::string(path->get_string()) : "";
  explode.names_ = names_of(explode.text_);
  const std::size_t first = wrapper.empty() ? 0 : 1;
  if (!wrapper.empty() && (explode.names_.size() < 2 || explode.names_[0] != wrapper)) {
    invalid(explode.text_, "must start with contentPath's overrideWrapperAttribute, like $." +
                               std::string(wrapper) + explode.text_.substr(1) +
                               ": records are wrapped first");
  }
  explode.element_field_ = explode.names_[first];
  explode.wrapper_ = explode.names_.back();
  if (object) {
    if (const auto* w = object->if_contains("overrideWrapperAttribute"); w && w->is_string())
      explode.wrapper_ = w->get_string();
    explode.filter_ = AttributeFilter::from(*object);
  }
  return explode;
}

std::optional<std::string> Explode::apply(boost::json::value& record,
                                          const std::function<void(std::string_view)>& emit) const {
  boost::json::object* parent = record.if_object();
  for (std::size_t i = 0; parent && i + 1 < names_.size(); ++i) {
    auto* child = parent->if_contains(names_[i]);
    parent = child ? child->if_object() : nullptr;
  }
  auto* sub = parent ? parent->if_contains(names_.back()) : nullptr;
  if (!sub || sub->is_null()) return std::nullopt;
  if (!sub->is_array())
    return "explodeEntityPath " + text_ + " is " + a_kind(*sub) + ", not an array";
  boost::json::array elements = std::move(sub->get_array());
  parent->stable_erase(names_.back());
  std::string text;  // one buffer for all of the record's elements
  for (auto& element : elements) {
    if (filter_ && element.is_object()) filter_->apply(element.get_object());
    (*parent)[wrapper_] = std::move(element);
    text.clear();
    hw::json::serialize_to(text, record);
    emit(text);
  }
  return std::nullopt;
}

}  // namespace hw::engine
