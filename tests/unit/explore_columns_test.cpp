#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connection/explore_connection.hpp"
#include "util/base64.hpp"

namespace hw {
namespace {

TEST(ExploreColumns, FirstAppearanceOrderAndFirstNonNullType) {
  const auto records =
      boost::json::parse(R"([{"a":null,"b":1},{"a":"x","c":[1],"b":2.5},{"d":{"e":true}}])")
          .as_array();
  EXPECT_EQ(connection::infer_columns(records), boost::json::parse(R"([
      {"name":"a","type":"string"},{"name":"b","type":"integer"},
      {"name":"c","type":"array"},{"name":"d","type":"object"}])"));
}

TEST(Base64, LenientDecodeTakesUnpaddedAndUrlSafeText) {
  EXPECT_EQ(util::base64_decode_lenient("e30"), "{}");
  EXPECT_EQ(util::base64_decode_lenient("e30="), "{}");
  EXPECT_EQ(util::base64_decode_lenient("YW5uOnMzY3JldA"), "ann:s3cret");
  EXPECT_EQ(util::base64_decode_lenient("-_8"), std::string("\xfb\xff"));
  EXPECT_FALSE(util::base64_decode_lenient("!!"));
  EXPECT_FALSE(util::base64_decode_lenient("abcde"));
  EXPECT_EQ(util::base64_encode("ann:s3cret"), "YW5uOnMzY3JldA==");
}

}  // namespace
}  // namespace hw
