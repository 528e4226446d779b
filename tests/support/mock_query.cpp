#include "support/mock_query.hpp"

#include <algorithm>
#include <cctype>

namespace hw::test::mock {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const int lower = std::tolower(static_cast<unsigned char>(c));
  return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

std::string decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int high = text[i] == '%' && i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
    if (low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += plus_is_space && text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

QueryParams parse_query(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    const std::string_view pair = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view value = eq == pair.npos ? std::string_view{} : pair.substr(eq + 1);
    params.try_emplace(decode(pair.substr(0, eq), true), decode(value, true));
  }
  return params;
}

}  // namespace

Target parse_target(std::string_view target) {
  const std::size_t question = target.find('?');
  const std::string_view query =
      question == target.npos ? std::string_view{} : target.substr(question + 1);
  return {decode(target.substr(0, question), false), parse_query(query)};
}

}  // namespace hw::test::mock
