#include "jsonpath/jsonpath.hpp"

#include <algorithm>
#include <cstdio>

// Evaluation and printing of a parsed Path, following RFC 9535 §2.
namespace hw::jsonpath {
namespace {

namespace json = boost::json;
using Nodes = std::vector<const json::value*>;

// RFC 9535 §2.3.3.2: negative indices count from the end.
std::optional<std::size_t> array_position(std::int64_t index, std::size_t size) {
  const auto length = static_cast<std::int64_t>(size);
  const std::int64_t position = index < 0 ? length + index : index;
  if (position < 0 || position >= length) return std::nullopt;
  return static_cast<std::size_t>(position);
}

// RFC 9535 §2.3.4.2.2. Bounds are within +/-(2^53-1), so none of this overflows.
void select_slice(const json::array& array, const Selector& slice, Nodes& out) {
  const std::int64_t step = slice.step;
  if (step == 0) return;
  const auto length = static_cast<std::int64_t>(array.size());
  const auto normalize = [length](std::int64_t i) { return i >= 0 ? i : length + i; };
  const std::int64_t start = normalize(slice.start.value_or(step > 0 ? 0 : length - 1));
  if (step > 0) {
    const std::int64_t end = normalize(slice.end.value_or(length));
    const std::int64_t upper = std::clamp<std::int64_t>(end, 0, length);
    for (std::int64_t i = std::clamp<std::int64_t>(start, 0, length); i < upper; i += step) {
      out.push_back(&array[static_cast<std::size_t>(i)]);
    }
    return;
  }
  const std::int64_t end = slice.end ? normalize(*slice.end) : -1;
  const std::int64_t lower = std::clamp<std::int64_t>(end, -1, length - 1);
  for (std::int64_t i = std::clamp<std::int64_t>(start, -1, length - 1); i > lower; i += step) {
    out.push_back(&array[static_cast<std::size_t>(i)]);
  }
}

void select_children(const json::value& node, Nodes& out) {
  if (const auto* object = node.if_object()) {
    for (const auto& member : *object) out.push_back(&member.value());
  } else if (const auto* array = node.if_array()) {
    for (const auto& element : *array) out.push_back(&element);
  }
}

void apply(const Selector& selector, const json::value& node, Nodes& out) {
  switch (selector.kind) {
    case Selector::Kind::name:
      if (const auto* object = node.if_object()) {
        if (const auto* member = object->if_contains(selector.name)) out.push_back(member);
      }
      return;
    case Selector::Kind::index:
      if (const auto* array = node.if_array()) {
        if (auto at = array_position(selector.index, array->size())) out.push_back(&(*array)[*at]);
      }
      return;
    case Selector::Kind::wildcard:
      select_children(node, out);
      return;
    case Selector::Kind::slice:
      if (const auto* array = node.if_array()) select_slice(*array, selector, out);
      return;
  }
}

// Depth-first over (node, next segment) pairs with an explicit stack, so neither
// document depth nor path length can exhaust the call stack. Pushing work in
// reverse makes it pop in document order; for `..`, a node's own matches are
// pushed above its children, which gives the RFC's node-before-descendants order.
// `emit` returns false to stop early.
template <class Emit>
void walk(const std::vector<Segment>& segments, const json::value& root, Emit&& emit) {
  struct Pending {
    const json::value* node;
    std::size_t segment;
  };
  std::vector<Pending> stack{{&root, 0}};
  Nodes scratch;
  const auto push_reversed = [&](std::size_t segment) {
    for (auto it = scratch.rbegin(); it != scratch.rend(); ++it) stack.push_back({*it, segment});
    scratch.clear();
  };
  while (!stack.empty()) {
    const Pending item = stack.back();
    stack.pop_back();
    if (item.segment == segments.size()) {
      if (!emit(*item.node)) return;
      continue;
    }
    const Segment& segment = segments[item.segment];
    if (segment.descendant) {
      select_children(*item.node, scratch);
      push_reversed(item.segment);
    }
    for (const Selector& selector : segment.selectors) apply(selector, *item.node, scratch);
    push_reversed(item.segment + 1);
  }
}

// RFC 9535 §2.7 (normalized paths) escaping, so to_string() output parses back.
void append_quoted(std::string& out, std::string_view name) {
  out += '\'';
  for (const char c : name) {
    switch (c) {
      case '\'':
        out += "\\'";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '\'';
}

void append_selector(std::string& out, const Selector& selector) {
  switch (selector.kind) {
    case Selector::Kind::name:
      append_quoted(out, selector.name);
      return;
    case Selector::Kind::index:
      out += std::to_string(selector.index);
      return;
    case Selector::Kind::wildcard:
      out += '*';
      return;
    case Selector::Kind::slice:
      if (selector.start) out += std::to_string(*selector.start);
      out += ':';
      if (selector.end) out += std::to_string(*selector.end);
      if (selector.step != 1) out += ':' + std::to_string(selector.step);
      return;
  }
}

}  // namespace

bool Path::is_singular() const {
  return std::all_of(segments_.begin(), segments_.end(), [](const Segment& segment) {
    return !segment.descendant && segment.selectors.size() == 1 &&
           (segment.selectors[0].kind == Selector::Kind::name ||
            segment.selectors[0].kind == Selector::Kind::index);
  });
}

std::string Path::to_string() const {
  std::string out = "$";
  for (const Segment& segment : segments_) {
    out += segment.descendant ? "..[" : "[";
    for (std::size_t i = 0; i < segment.selectors.size(); ++i) {
      if (i > 0) out += ',';
      append_selector(out, segment.selectors[i]);
    }
    out += ']';
  }
  return out;
}

void Path::select(const json::value& root,
                  const std::function<void(const json::value&)>& out) const {
  walk(segments_, root, [&out](const json::value& node) {
    out(node);
    return true;
  });
}

std::vector<const json::value*> Path::select_all(const json::value& root) const {
  Nodes matches;
  walk(segments_, root, [&matches](const json::value& node) {
    matches.push_back(&node);
    return true;
  });
  return matches;
}

const json::value* Path::select_first(const json::value& root) const {
  const json::value* first = nullptr;
  walk(segments_, root, [&first](const json::value& node) {
    first = &node;
    return false;
  });
  return first;
}

}  // namespace hw::jsonpath
