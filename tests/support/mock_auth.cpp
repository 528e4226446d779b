#include "support/mock_auth.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace hw::test::mock {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      group = group << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

std::string header(const UpstreamRequest& request, std::string_view name) {
  const auto it = request.headers.find(lower(name));
  return it == request.headers.end() ? std::string() : it->second;
}

// The credentials of an `Authorization: <scheme> <credentials>` header, or "" for
// another scheme. Schemes compare without regard to case (RFC 9110 §11.1).
std::string credentials(const std::string& authorization, std::string_view scheme) {
  const std::size_t space = authorization.find(' ');
  if (space == std::string::npos || lower(authorization.substr(0, space)) != scheme) return {};
  return authorization.substr(space + 1);
}

// An empty expected secret is never matched: a missing header must not pass for it.
bool matches(const std::string& given, const std::string& expected) {
  return !expected.empty() && given == expected;
}

}  // namespace

bool is_authorized(const UpstreamRequest& request, const QueryParams& query,
                   const MockUpstreamOptions& options) {
  const std::string authorization = header(request, "authorization");
  const auto apikey = query.find("apikey");
  return matches(credentials(authorization, "basic"),
                 base64(options.username + ":" + options.password)) ||
         matches(credentials(authorization, "bearer"), options.api_key) ||
         matches(header(request, options.api_key_header), options.api_key) ||
         (apikey != query.end() && matches(apikey->second, options.api_key));
}

}  // namespace hw::test::mock
