#include "sample_api/basic_auth.hpp"

#include <cctype>
#include <string>

#include "streaming/hmac.hpp"
#include "util/base64.hpp"

namespace hw::sample_api {
namespace {

// Digests of both sides are compared, not the strings: digests have one length, so the
// comparison's time does not depend on the length of either.
constexpr std::string_view kDigestKey = "headwater sample-api credentials";

bool starts_with_basic(std::string_view value) {
  constexpr std::string_view kScheme = "basic ";
  if (value.size() < kScheme.size()) return false;
  for (std::size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(value[i])) != kScheme[i]) return false;
  return true;
}

}  // namespace

bool has_basic_credentials(const http::Request& request, std::string_view username,
                           std::string_view password) {
  const auto header = request.header("authorization");
  if (!header || !starts_with_basic(*header)) return false;
  std::string_view encoded = header->substr(6);
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  while (!encoded.empty() && encoded.back() == ' ') encoded.remove_suffix(1);
  const auto given = util::base64_decode_lenient(encoded);
  if (!given) return false;
  const std::string expected = std::string(username) + ":" + std::string(password);
  return streaming::constant_time_equal(streaming::hmac_sha256(kDigestKey, *given),
                                        streaming::hmac_sha256(kDigestKey, expected));
}

}  // namespace hw::sample_api
