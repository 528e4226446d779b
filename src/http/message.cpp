#include "http/message.hpp"

#include <boost/url/parse.hpp>

#include <cstring>

namespace hw::http {

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return value;
  return std::nullopt;
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query)
    if (key == name) return value;
  return std::nullopt;
}

std::vector<std::string_view> Request::query_params(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [key, value] : query)
    if (key == name) out.push_back(value);
  return out;
}

namespace {

// Clients such as curl send `"`, `<`, `>`, `[`, `]`, `{`, `}`, `|` and spaces
// unescaped (Adobe's filter examples contain them); escape them before the strict parse.
std::string escape_loose_characters(std::string_view target) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(target.size() + 16);
  for (unsigned char c : target) {
    if (c > 0x20 && c < 0x7f && !std::strchr("\"<>[]{}|\\^`", c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

}  // namespace

bool parse_target(std::string_view target, Request& out) {
  auto url = boost::urls::parse_origin_form(target);
  std::string escaped;
  if (!url) {
    escaped = escape_loose_characters(target);
    url = boost::urls::parse_origin_form(escaped);
  }
  if (!url) return false;
  out.path = url->path();
  out.query.clear();
  for (auto param : url->params()) out.query.emplace_back(param.key, param.value);
  return true;
}

}  // namespace hw::http
