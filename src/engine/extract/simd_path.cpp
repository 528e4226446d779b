#include "engine/extract/simd_path.hpp"

#include <cstdint>

namespace hw::engine {
namespace {

using Kind = jsonpath::Selector::Kind;

std::optional<simdjson::dom::element> element_at(simdjson::dom::element node, std::int64_t index) {
  simdjson::dom::array array;
  if (node.get_array().get(array)) return std::nullopt;
  if (index < 0) {
    // size() saturates on very long arrays; counting is exact and cheap on the tape.
    std::int64_t size = 0;
    for ([[maybe_unused]] auto element : array) ++size;
    index += size;
    if (index < 0) return std::nullopt;
  }
  auto found = array.at(static_cast<std::size_t>(index));
  if (found.error()) return std::nullopt;
  return found.value_unsafe();
}

std::optional<simdjson::dom::element> step(simdjson::dom::element node,
                                           const jsonpath::Selector& selector) {
  if (selector.kind == Kind::index) return element_at(node, selector.index);
  auto found = node.at_key(selector.name);
  if (found.error()) return std::nullopt;
  return found.value_unsafe();
}

}  // namespace

bool simd_walkable(const jsonpath::Path& path, bool trailing_wildcard) {
  const auto& segments = path.segments();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    if (s.descendant || s.selectors.size() != 1) return false;
    const auto kind = s.selectors[0].kind;
    const bool last_wildcard =
        trailing_wildcard && i + 1 == segments.size() && kind == Kind::wildcard;
    if (kind != Kind::name && kind != Kind::index && !last_wildcard) return false;
  }
  return true;
}

std::optional<simdjson::dom::element> simd_walk(simdjson::dom::element root,
                                                const jsonpath::Path& path) {
  std::optional<simdjson::dom::element> node = root;
  for (const auto& segment : path.segments()) {
    const auto& selector = segment.selectors[0];
    if (selector.kind == Kind::wildcard) break;
    node = step(*node, selector);
    if (!node) return std::nullopt;
  }
  return node;
}

}  // namespace hw::engine
