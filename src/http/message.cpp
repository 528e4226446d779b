#include "http/message.hpp"

#include <boost/url/parse.hpp>

#include <cstring>

#include "util/percent_encode.hpp"

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
bool allowed_in_target(unsigned char c) {
  return c > 0x20 && c < 0x7f && !std::strchr("\"<>[]{}|\\^`", c);
}

}  // namespace

bool parse_target(std::string_view target, Request& out) {
  auto url = boost::urls::parse_origin_form(target);
  std::string escaped;
  if (!url) {
    escaped = util::percent_encode(target, allowed_in_target);
    url = boost::urls::parse_origin_form(escaped);
  }
  if (!url) return false;
  out.path = url->path();
  out.query.clear();
  for (auto param : url->params()) out.query.emplace_back(param.key, param.value);
  return true;
}

}  // namespace hw::http
