#include "engine/pagination/page_reader.hpp"

#include <boost/json.hpp>

#include "engine/extract/simd_path.hpp"
#include "engine/run_error.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"

namespace hw::engine::pagination {
namespace {

[[noreturn]] void not_a_value(const jsonpath::Path& path, std::string_view what) {
  throw RunError("MALFORMED_PAGE", path.to_string() + " leads to " + std::string(what) +
                                       "; paginationParams need a string, number or boolean there");
}

}  // namespace

jsonpath::Path page_path(std::string_view field, std::string_view text) {
  if (text.empty())
    throw RunError("INVALID_SPEC", "paginationParams." + std::string(field) + " is empty");
  if (!text.starts_with('$')) {
    jsonpath::Selector name;
    name.name = std::string(text);
    return jsonpath::Path({jsonpath::Segment{false, {std::move(name)}}});
  }
  auto parsed = jsonpath::parse(text);
  if (!parsed)
    throw RunError("INVALID_SPEC", "paginationParams." + std::string(field) + " '" +
                                       std::string(text) +
                                       "' does not parse: " + parsed.error.message);
  return std::move(*parsed.path);
}

void PageReader::load(std::string_view body) {
  tree_.reset();
  body_ = body;
  if (auto error = parser_.parse(body.data(), body.size()).get(root_))
    throw RunError("MALFORMED_PAGE",
                   std::string("the page is not valid JSON: ") + simdjson::error_message(error));
}

std::optional<std::string> PageReader::text_at(const jsonpath::Path& path) {
  if (!simd_walkable(path, false)) return tree_text_at(path);
  const auto node = simd_walk(root_, path);
  if (!node || node->is_null()) return std::nullopt;
  if (node->is_string()) return std::string(node->get_string().value_unsafe());
  if (node->is_object()) not_a_value(path, "an object");
  if (node->is_array()) not_a_value(path, "an array");
  return simdjson::minify(*node);
}

std::optional<std::string> PageReader::tree_text_at(const jsonpath::Path& path) {
  if (!tree_) {
    auto parsed = json::parse(body_);
    if (!parsed.ok) throw RunError("MALFORMED_PAGE", "the page is not valid JSON: " + parsed.error);
    tree_ = std::move(parsed.value);
  }
  const auto* node = path.select_first(*tree_);
  if (!node || node->is_null()) return std::nullopt;
  if (node->is_string()) return std::string(node->get_string());
  if (node->is_object()) not_a_value(path, "an object");
  if (node->is_array()) not_a_value(path, "an array");
  return hw::json::serialize(*node);
}

}  // namespace hw::engine::pagination
