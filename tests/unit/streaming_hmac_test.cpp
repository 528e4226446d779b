// Inlet signatures: HMAC-SHA256 against RFC 4231's vectors, the hex forms a header may
// carry, the constant-time comparison, and rotation with previousSecret.
#include <gtest/gtest.h>

#include <string>

#include "streaming/hmac.hpp"

namespace hw::streaming {
namespace {

std::string hex(const Digest& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : d) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST(StreamingHmac, MatchesRfc4231TestCases) {
  EXPECT_EQ(hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than the block size is hashed first.
  EXPECT_EQ(hex(hmac_sha256(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(StreamingHmac, ParsesHexInEitherCase) {
  const std::string lower = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  const auto expected = hmac_sha256("Jefe", "what do ya want for nothing?");
  EXPECT_EQ(parse_hex_digest(lower), expected);
  EXPECT_EQ(parse_hex_digest(upper(lower)), expected);
  EXPECT_EQ(parse_hex_digest("5BDCC146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            expected);
}

TEST(StreamingHmac, RefusesAnythingButSixtyFourHexDigits) {
  const std::string good = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  EXPECT_FALSE(parse_hex_digest(good.substr(0, 63)));
  EXPECT_FALSE(parse_hex_digest(good + "0"));
  EXPECT_FALSE(parse_hex_digest(""));
  EXPECT_FALSE(parse_hex_digest("g" + good.substr(1)));
  EXPECT_FALSE(parse_hex_digest(" " + good.substr(1)));
  EXPECT_FALSE(parse_hex_digest("sha256=" + good.substr(7)));
}

TEST(StreamingHmac, ConstantTimeEqualComparesEveryByte) {
  const Digest a = hmac_sha256("k", "m");
  Digest first = a, last = a;
  first[0] ^= 1;
  last[31] ^= 0x80;
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, first));
  EXPECT_FALSE(constant_time_equal(a, last));
}

TEST(StreamingHmac, AcceptsTheCurrentSecretInEitherCase) {
  const std::string body = R"({"id":1})";
  const std::string sig = hex(hmac_sha256("s3cret", body));
  EXPECT_TRUE(signature_matches(sig, body, "s3cret", std::nullopt));
  EXPECT_TRUE(signature_matches(upper(sig), body, "s3cret", std::nullopt));
}

TEST(StreamingHmac, RefusesAWrongSecretAnAlteredBodyOrAMangledHeader) {
  const std::string body = R"({"id":1})";
  const std::string sig = hex(hmac_sha256("s3cret", body));
  EXPECT_FALSE(signature_matches(hex(hmac_sha256("other", body)), body, "s3cret", std::nullopt));
  EXPECT_FALSE(signature_matches(sig, R"({"id":2})", "s3cret", std::nullopt));
  EXPECT_FALSE(signature_matches(sig, body + " ", "s3cret", std::nullopt));
  EXPECT_FALSE(signature_matches(sig.substr(1), body, "s3cret", std::nullopt));
  EXPECT_FALSE(signature_matches("", body, "s3cret", std::nullopt));
}

TEST(StreamingHmac, AcceptsThePreviousSecretOnlyWhileItIsSet) {
  const std::string body = R"({"id":1})";
  const std::string old_sig = hex(hmac_sha256("old", body));
  EXPECT_TRUE(signature_matches(old_sig, body, "new", std::string_view("old")));
  EXPECT_TRUE(
      signature_matches(hex(hmac_sha256("new", body)), body, "new", std::string_view("old")));
  EXPECT_FALSE(signature_matches(old_sig, body, "new", std::nullopt));
}

TEST(StreamingHmac, AnEmptySecretNeverMatches) {
  const std::string body = R"({"id":1})";
  const std::string empty_key_sig = hex(hmac_sha256("", body));
  EXPECT_FALSE(signature_matches(empty_key_sig, body, "", std::nullopt));
  EXPECT_FALSE(signature_matches(empty_key_sig, body, "s3cret", std::string_view("")));
}

}  // namespace
}  // namespace hw::streaming
