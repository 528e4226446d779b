#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "support/fixtures.hpp"
#include "support/server_process.hpp"

namespace hw::test {
namespace {

namespace fs = std::filesystem;

TEST(ExtractCurlBody, ReplaysTheSeedRequestVerbatim) {
  const std::string seed = read_file(shared_path("seeds/000_6da393f14679e630.txt"));
  const std::string body = extract_curl_body(seed);
  EXPECT_NE(body.find("\"generic-streaming\""), std::string::npos);
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(body, ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(parsed.at("type"), "generic-streaming");
}

TEST(ExtractCurlBody, CountsOnlyRequestsThatSendABody) {
  const std::string doc =
      "```shell\ncurl -X GET 'http://x/a'\n```\n"
      "```shell\ncurl -X POST 'http://x/b' \\\n  -d '{\"n\": 1}'\n```\n"
      "```shell\ncurl -X PUT 'http://x/c' -d '{\"n\": 2, \"s\": \"curl -d\"}'\n```\n";
  EXPECT_EQ(extract_curl_body(doc), "{\"n\": 1}");
  EXPECT_EQ(extract_curl_body(doc, 1), "{\"n\": 2, \"s\": \"curl -d\"}");
  EXPECT_THROW(extract_curl_body(doc, 2), std::out_of_range);
}

TEST(TempDir, IsRemovedWithItsContents) {
  std::string path;
  {
    const TempDir dir;
    path = dir.path();
    ASSERT_TRUE(fs::is_directory(path));
    EXPECT_EQ(path.rfind("/tmp/", 0), 0U);
    fs::create_directories(path + "/nested/deeper");
    std::ofstream(path + "/nested/deeper/file.txt") << "data";
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(TempDir, EachOneIsFresh) {
  const TempDir first;
  const TempDir second;
  EXPECT_NE(first.path(), second.path());
}

}  // namespace
}  // namespace hw::test
