#include "mapping/path.hpp"

#include <charconv>
#include <optional>

namespace hw::mapping {
namespace {

constexpr auto npos = std::string_view::npos;
constexpr std::string_view kEmptyName =
    "has an empty field name (two dots, or a dot at either end)";

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Calls `segment` for each dot-separated part of `text`, stopping at the first problem.
template <typename Segment>
std::optional<std::string> for_each_segment(std::string_view text, Segment segment) {
  std::size_t start = 0;
  while (true) {
    const auto dot = text.find('.', start);
    const auto part = text.substr(start, dot == npos ? npos : dot - start);
    if (part.empty()) return std::string(kEmptyName);
    if (auto problem = segment(part)) return problem;
    if (dot == npos) return std::nullopt;
    start = dot + 1;
  }
}

std::optional<std::size_t> parse_index(std::string_view digits) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return {};
  return value;
}

// Appends the index steps of `rest` ("[0][1]", what follows a field name).
std::optional<std::string> parse_indices(std::string_view segment, std::string_view rest,
                                         std::vector<Step>& out) {
  while (!rest.empty()) {
    if (rest.front() != '[') return quoted(segment) + " has text after ']'";
    const auto close = rest.find(']');
    if (close == npos) return quoted(segment) + " has a '[' without a ']'";
    const auto digits = rest.substr(1, close - 1);
    const auto index = parse_index(digits);
    if (!index) {
      return "'[" + std::string(digits) + "]' in " + quoted(segment) +
             " is not an array index; use a whole number such as [0]";
    }
    out.push_back({{}, *index, true});
    rest.remove_prefix(close + 1);
  }
  return std::nullopt;
}

// Appends the steps of one segment: a field name, then any array indices.
std::optional<std::string> parse_source_segment(std::string_view segment, std::vector<Step>& out) {
  const auto open = segment.find('[');
  const auto name = segment.substr(0, open);
  if (name.empty()) return quoted(segment) + " has no field name before its index";
  if (name.find(']') != npos) return quoted(segment) + " has a ']' without a '['";
  out.push_back({std::string(name)});
  return parse_indices(segment, open == npos ? std::string_view() : segment.substr(open), out);
}

}  // namespace

std::variant<std::vector<Step>, std::string> parse_source_path(std::string_view text) {
  std::vector<Step> steps;
  auto problem = for_each_segment(
      text, [&](std::string_view segment) { return parse_source_segment(segment, steps); });
  if (problem) return std::move(*problem);
  return steps;
}

std::variant<std::vector<std::string>, std::string> parse_destination_path(std::string_view text) {
  std::vector<std::string> keys;
  auto problem =
      for_each_segment(text, [&](std::string_view segment) -> std::optional<std::string> {
        if (segment.find_first_of("[]") != npos) {
          return quoted(segment) +
                 ": array indices are not supported in destinations; objects are created as needed";
        }
        keys.emplace_back(segment);
        return std::nullopt;
      });
  if (problem) return std::move(*problem);
  return keys;
}

}  // namespace hw::mapping
