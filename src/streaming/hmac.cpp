#include "streaming/hmac.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace hw::streaming {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Digest hmac_sha256(std::string_view key, std::string_view message) {
  Digest out{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(),
            &length) ||
      length != out.size()) {
    throw std::runtime_error("HMAC-SHA256 failed in OpenSSL");
  }
  return out;
}

std::optional<Digest> parse_hex_digest(std::string_view hex) {
  Digest out{};
  if (hex.size() != 2 * out.size()) return std::nullopt;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return out;
}

bool constant_time_equal(const Digest& a, const Digest& b) {
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool signature_matches(std::string_view signature, std::string_view body, std::string_view secret,
                       std::optional<std::string_view> previous_secret) {
  const auto claimed = parse_hex_digest(signature);
  if (!claimed) return false;
  // An empty key is one anybody can sign with: it never matches.
  const bool current = constant_time_equal(*claimed, hmac_sha256(secret, body)) && !secret.empty();
  const bool previous = previous_secret &&
                        constant_time_equal(*claimed, hmac_sha256(*previous_secret, body)) &&
                        !previous_secret->empty();
  return current | previous;
}

}  // namespace hw::streaming
