#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/http_types.hpp"
#include "engine/redact.hpp"

namespace hw::engine {
namespace {

using Secrets = std::vector<std::string>;

TEST(EngineRedact, ReplacesASecretRawPercentEncodedAndJsonEscaped) {
  const Secrets secrets = {R"(pa/ss"word+)"};
  EXPECT_EQ(redact(R"(raw=pa/ss"word+ url=pa%2Fss%22word%2B json={"p":"pa/ss\"word+"} )"
                   R"(php={"p":"pa\/ss\"word+"})",
                   secrets),
            R"(raw=*** url=*** json={"p":"***"} php={"p":"***"})");
}

TEST(EngineRedact, ReplacesTheBasicPasswordAndItsBase64) {
  const Secrets secrets = {"s3cret", "YW5uOnMzY3JldA=="};
  EXPECT_EQ(
      redact(R"x({"detail":"invalid credentials ann:s3cret (Basic YW5uOnMzY3JldA==)"})x", secrets),
      R"x({"detail":"invalid credentials ann:*** (Basic ***)"})x");
}

TEST(EngineRedact, ReplacesALongerSecretBeforeOneItHolds) {
  EXPECT_EQ(redact("key xxabcdxx and abcd", {"abcd", "xxabcdxx"}), "key *** and ***");
}

TEST(EngineRedact, ReplacesASecretShorterThanFourBytesOnlyWhereItStandsAlone) {
  EXPECT_EQ(redact(R"({"key":"ab1","note":"ab12 cab1 ab1"})", {"ab1"}),
            R"({"key":"***","note":"ab12 cab1 ***"})");
  EXPECT_EQ(redact("ab1", {"ab1"}), "***");
  EXPECT_EQ(redact("abcd1abcd", {"abcd"}), "***1***");
}

TEST(EngineRedact, LeavesTextAloneWithoutSecrets) {
  EXPECT_EQ(redact("nothing to hide", {}), "nothing to hide");
  EXPECT_EQ(redact("nothing to hide", {""}), "nothing to hide");
}

TEST(EngineRedact, DescribeRedactsTheUrl) {
  UpstreamRequest request;
  request.url = "https://h.example/x?apikey=key%2F1&y=1";
  request.secrets = {"key/1"};
  EXPECT_EQ(request.describe(), "https://h.example/x?apikey=***&y=1");
}

TEST(EngineRedact, ClipCutsBeforeAUtf8Character) {
  EXPECT_EQ(clip("a\xC3\xA9z", 2), "a…");
  EXPECT_EQ(clip("abc", 3), "abc");
}

TEST(EngineRedact, QuoteBodyFlattensLinesAndClipsAfterRedacting) {
  EXPECT_EQ(quote_body("{\"error\":\r\n\"bad key sk_live_abc123\"}", {"sk_live_abc123"}),
            "{\"error\":  \"bad key ***\"}");
  // A secret across the 300-byte cut is redacted, not cut in half.
  EXPECT_EQ(quote_body(std::string(298, 'x') + "sk_live_abc123 and more", {"sk_live_abc123"}),
            std::string(298, 'x') + "**…");
}

TEST(EngineRedact, QuoteBodyRedactsPastItsFirstWindowWhenSecretsShrinkIt) {
  // 40 copies of a 19-byte secret shrink to 120 bytes: the first window (357 bytes) would
  // end inside a copy and show its start.
  const std::string secret = "longsecretvalue1234";
  std::string body;
  for (int i = 0; i < 40; ++i) body += secret;
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "***";
  EXPECT_EQ(quote_body(body + "end", {secret}), expected + "end");
}

}  // namespace
}  // namespace hw::engine
