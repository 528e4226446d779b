#include "json/parse.hpp"
#include "json/serialize.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace hj = hw::json;
namespace bj = boost::json;

namespace {

std::string of_double(double d) {
  return hj::serialize(bj::value(d));
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// The double std::from_chars (correctly rounded) reads from `text`.
double read_back(const std::string& text) {
  double out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  EXPECT_EQ(ec, std::errc()) << text;
  EXPECT_EQ(end, text.data() + text.size()) << text;
  return out;
}

TEST(JsonSerialize, DoublesKeepTheSpellingAuthorsWrite) {
  const auto parsed = hw::json::parse(R"({"a":1.5,"b":0.1,"d":100.0})");
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(hj::serialize(parsed.value), R"({"a":1.5,"b":0.1,"d":100.0})");
  EXPECT_EQ(hj::serialize(parsed.value.get_object()), R"({"a":1.5,"b":0.1,"d":100.0})");
}

TEST(JsonSerialize, DoublesAreShortestAndKeepADecimalPointWhenIntegral) {
  const std::vector<std::pair<double, std::string>> cases = {
      {100.0, "100.0"},
      {1.5, "1.5"},
      {0.1, "0.1"},
      {1e300, "1e+300"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {-2.5, "-2.5"},
      {3.0, "3.0"},
      {123456.789, "123456.789"},
      {0.0001, "0.0001"},
      {0.00012, "0.00012"},
      {1e-5, "1e-05"},
      {-1e-7, "-1e-07"},
      {1e15, "1000000000000000.0"},
      {9007199254740993.0, "9007199254740992.0"},
      {1e16, "1e+16"},
      {1.5e22, "1.5e+22"},
      {-1e300, "-1e+300"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
      {std::numeric_limits<double>::lowest(), "-1.7976931348623157e+308"},
      {std::numeric_limits<double>::min(), "2.2250738585072014e-308"},
      {std::numeric_limits<double>::denorm_min(), "5e-324"},
      {0.30000000000000004, "0.30000000000000004"},
  };
  for (const auto& [value, text] : cases) EXPECT_EQ(of_double(value), text) << text;
}

TEST(JsonSerialize, NonFiniteDoublesStayValidJson) {
  EXPECT_EQ(of_double(std::numeric_limits<double>::infinity()), "1e99999");
  EXPECT_EQ(of_double(-std::numeric_limits<double>::infinity()), "-1e99999");
  EXPECT_EQ(of_double(std::numeric_limits<double>::quiet_NaN()), "null");
  const auto parsed = hw::json::parse("[1e400,-1e400]");
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(hj::serialize(parsed.value), "[1e99999,-1e99999]");
  const auto again = hw::json::parse(hj::serialize(parsed.value));
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.value.at(0).get_double(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(again.value.at(1).get_double(), -std::numeric_limits<double>::infinity());
}

TEST(JsonSerialize, IntegersAreWrittenAsBoostWritesThem) {
  EXPECT_EQ(hj::serialize(bj::value(std::numeric_limits<std::uint64_t>::max())),
            "18446744073709551615");
  EXPECT_EQ(hj::serialize(bj::value(std::numeric_limits<std::int64_t>::min())),
            "-9223372036854775808");
  EXPECT_EQ(hj::serialize(bj::value(std::numeric_limits<std::int64_t>::max())),
            "9223372036854775807");
  EXPECT_EQ(hj::serialize(bj::value(0)), "0");
  EXPECT_EQ(hj::serialize(bj::value(-42)), "-42");
  const auto parsed = hw::json::parse("[0,-1,7,9223372036854775808,-9223372036854775808]");
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(hj::serialize(parsed.value), "[0,-1,7,9223372036854775808,-9223372036854775808]");
}

TEST(JsonSerialize, NestedContainers) {
  const std::string text =
      R"({"a":[1,{"b":[]},{},[[2.25,[null]]]],"c":{"d":null,"e":true,"f":false,"g":{"h":{}}},)"
      R"("":"","x":[-0.5,"s",[]]})";
  const auto parsed = hw::json::parse(text);
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(hj::serialize(parsed.value), text);
  EXPECT_EQ(hj::serialize(bj::array{}), "[]");
  EXPECT_EQ(hj::serialize(bj::object{}), "{}");
  EXPECT_EQ(hj::serialize(bj::array{1, 2.0, "three"}), R"([1,2.0,"three"])");
  EXPECT_EQ(hj::serialize(bj::value(nullptr)), "null");
}

TEST(JsonSerialize, EscapesExactlyAsBoost) {
  std::string every_control;
  for (char c = 0; c < 0x20; ++c) every_control += c;
  const std::string text = every_control + "\"\\/\x7f" + "é日本\xF0\x9F\x98\x80 end";
  const std::string expected =
      R"("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f)"
      R"(\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c)"
      R"(\u001d\u001e\u001f\"\\/)"
      "\x7f"
      "é日本\xF0\x9F\x98\x80 end\"";
  EXPECT_EQ(hj::serialize(bj::string(text)), expected);
  EXPECT_EQ(hj::serialize(bj::value(text)), expected);
  EXPECT_EQ(hj::serialize(bj::value(text)), bj::serialize(bj::value(text)));
  EXPECT_EQ(hj::serialize(bj::object{{text, text}}), "{" + expected + ":" + expected + "}");
}

// Every byte at every offset of strings up to and past two 16-byte scanning steps.
TEST(JsonSerialize, EveryByteAtEveryOffsetMatchesBoost) {
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t length = 1; length <= 40; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(byte);
        ASSERT_EQ(hj::serialize(bj::string(s)), bj::serialize(bj::string(s)))
            << "byte " << byte << " at " << at << " of " << length;
      }
    }
  }
}

TEST(JsonSerialize, DocumentsWithoutDoublesMatchBoost) {
  const std::string text = R"({"id":"c-1","name":"Ada \"the\" Countess","tags":["a","b\n"],)"
                           R"("n":-12,"big":18446744073709551615,"ok":true,"none":null,)"
                           R"("nested":{"path":"a/b\\c","list":[{"k":1},{"k":2}]}})";
  const auto parsed = hw::json::parse(text);
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(hj::serialize(parsed.value), bj::serialize(parsed.value));
  EXPECT_EQ(hj::serialize(parsed.value.get_object()), bj::serialize(parsed.value.get_object()));
  EXPECT_EQ(hj::serialize(parsed.value.at("tags").get_array()),
            bj::serialize(parsed.value.at("tags").get_array()));
}

TEST(JsonSerialize, AppendsToABuffer) {
  std::string buffer = "records:";
  hw::json::serialize_to(buffer, bj::value(1.5));
  buffer += ' ';
  hw::json::serialize_to(buffer, bj::object{{"a", 100.0}});
  EXPECT_EQ(buffer, R"(records:1.5 {"a":100.0})");
}

// Amounts with a few decimals take a path of their own; it must pick the digits Ryu picks
// (the shortest, and of those the closest), here checked against std::to_chars.
TEST(JsonSerialize, FewDecimalsAreWrittenAsToCharsWritesThem) {
  constexpr double kPowersOf10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  std::mt19937_64 random(42);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t digits = random() >> (14 + random() % 50);  // up to 2^50
    const double d = static_cast<double>(digits) / kPowersOf10[random() % 10];
    for (const double x : {d, std::nextafter(d, 0.0), std::nextafter(d, 1e300), -d}) {
      if (x != 0 && (std::fabs(x) < 1e-4 || std::fabs(x) >= 1e16)) continue;
      char text[64];
      std::string expected(
          text, std::to_chars(text, text + sizeof text, x, std::chars_format::fixed).ptr);
      if (expected.find('.') == std::string::npos) expected += ".0";
      ASSERT_EQ(of_double(x), expected);
    }
  }
}

// Boost 1.81's parser is not correctly rounded for long mantissas (about 1 in 10 random
// 17-digit doubles come back one unit off), so the exact read-back uses std::from_chars.
TEST(JsonSerialize, RandomDoublesReadBackBitForBit) {
  std::mt19937_64 random(20261123);
  int checked = 0;
  while (checked < 5000) {
    const std::uint64_t bits = random();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    ++checked;
    const std::string text = of_double(d);
    ASSERT_TRUE(same_bits(read_back(text), d)) << text;
    const auto parsed = hw::json::parse(text);
    ASSERT_TRUE(parsed.ok) << text;
    ASSERT_TRUE(parsed.value.is_double()) << text;
  }
}

// Amounts as sources send them (few digits) also survive Headwater's own parser.
TEST(JsonSerialize, DecimalAmountsReadBackThroughTheParser) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::int64_t> cents(-100000000, 100000000);
  for (int i = 0; i < 3000; ++i) {
    const double d = static_cast<double>(cents(random)) / 100.0;
    const auto parsed = hw::json::parse(of_double(d));
    ASSERT_TRUE(parsed.ok) << of_double(d);
    ASSERT_TRUE(parsed.value.is_double()) << of_double(d);
    ASSERT_TRUE(same_bits(parsed.value.get_double(), d)) << of_double(d);
  }
}

}  // namespace
