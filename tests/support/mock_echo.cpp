#include "support/mock_echo.hpp"

#include <cctype>
#include <string>
#include <string_view>

#include "util/base64.hpp"

namespace hw::test::mock {
namespace {

constexpr std::string_view kEchoPrefix = "/echo/";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What a Basic `Authorization` header holds, decoded: " (user:password)", else "".
std::string basic_decoded(const std::string& authorization) {
  constexpr std::string_view kBasic = "basic ";
  if (lower(authorization.substr(0, kBasic.size())) != kBasic) return {};
  const auto decoded = util::base64_decode_lenient(authorization.substr(kBasic.size()));
  return decoded ? " (" + *decoded + ")" : std::string();
}

void list(std::string& out, std::string_view where, const std::string& value) {
  out += (out.empty() ? "" : ", ") + std::string(where) + " '" + value + "'";
}

}  // namespace

std::optional<Response> echo_route(const UpstreamRequest& request, const Target& target,
                                   const MockUpstreamOptions& options) {
  if (!target.path.starts_with(kEchoPrefix)) return std::nullopt;
  std::string carried;
  if (const auto it = request.headers.find("authorization"); it != request.headers.end()) {
    list(carried, "Authorization", it->second);
    carried += basic_decoded(it->second);
  }
  if (const auto it = request.headers.find(lower(options.api_key_header));
      it != request.headers.end())
    list(carried, options.api_key_header, it->second);
  if (const auto it = target.query.find("apikey"); it != target.query.end())
    list(carried, "apikey", it->second);
  return problem(401, "Unauthorized",
                 "invalid credentials: " + (carried.empty() ? "none" : carried));
}

}  // namespace hw::test::mock
