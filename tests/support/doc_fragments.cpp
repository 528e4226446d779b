#include "support/doc_fragments.hpp"

#include <boost/json.hpp>

namespace hw::test {
namespace {

constexpr std::string_view kOpen = "```json";
constexpr std::string_view kClose = "```";

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::vector<boost::json::value> json_fragments(std::string_view markdown, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  boost::json::parse_options options;
  options.allow_trailing_commas = true;
  std::vector<boost::json::value> out;
  for (auto open = markdown.find(kOpen); open != std::string_view::npos;
       open = markdown.find(kOpen, open)) {
    const auto start = open + kOpen.size();
    const auto close = markdown.find(kClose, start);
    if (close == std::string_view::npos) break;
    const auto block = trimmed(markdown.substr(start, close - start));
    open = close + kClose.size();
    if (!block.starts_with(quoted)) continue;
    boost::system::error_code ec;
    auto parsed = boost::json::parse("{" + std::string(block) + "}", ec, {}, options);
    if (ec || parsed.as_object().size() != 1) continue;
    out.push_back(parsed.as_object().at(key));
  }
  return out;
}

}  // namespace hw::test
