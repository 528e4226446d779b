#pragma once
#include <array>
#include <optional>
#include <string_view>

// HMAC-SHA256 request signatures of the inlets (DESIGN §5): `x-hmac-sha256` carries the
// hex HMAC-SHA256 of the exact body bytes, keyed with the connection's secret.
namespace hw::streaming {

using Digest = std::array<unsigned char, 32>;

Digest hmac_sha256(std::string_view key, std::string_view message);

// The digest that 64 hex digits (either letter case) spell; nullopt for anything else.
std::optional<Digest> parse_hex_digest(std::string_view hex);

// Compares in time that depends only on the length, never on where the bytes differ.
bool constant_time_equal(const Digest& a, const Digest& b);

// Whether `signature` (the header's value) is the HMAC of `body` under `secret`, or under
// `previous_secret` when one is set (a rotation under way). Both are always computed and
// compared, so the time taken does not tell which secret matched, if any. An empty secret
// never matches.
bool signature_matches(std::string_view signature, std::string_view body, std::string_view secret,
                       std::optional<std::string_view> previous_secret);

}  // namespace hw::streaming
