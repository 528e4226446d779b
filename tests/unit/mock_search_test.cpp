// The mock's Zendesk search export filters by the query's time bounds as Zendesk does, pages
// by cursor, and refuses what it does not understand (an unfilled placeholder included).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/url.hpp>
#include <string>
#include <string_view>

#include "support/http_client.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test {
namespace {

class MockSearchTest : public ::testing::Test {
 protected:
  // Only the mock's Basic credentials (ann:s3cret), none of HttpClient's Adobe headers.
  HttpResponse get(const std::string& target) {
    return client.get(target, {{"Authorization", "Basic YW5uOnMzY3JldA=="},
                               {"x-api-key", ""},
                               {"x-gw-ims-org-id", ""},
                               {"x-sandbox-name", ""}});
  }

  // The export of users matching `query`, `size` a page, with filter[type]=user.
  HttpResponse search(std::string_view query, std::string_view size = "100") {
    boost::urls::url target("/api/v2/search/export");
    target.params().append({"query", query});
    target.params().append({"filter[type]", "user"});
    target.params().append({"page[size]", size});
    return get(std::string(target.buffer()));
  }

  static std::vector<std::string> ids(const boost::json::value& page) {
    std::vector<std::string> out;
    for (const auto& user : page.at("results").as_array())
      out.emplace_back(user.at("id").as_string());
    return out;
  }

  // m0 … m4, changed at 22:13:20, 22:14:20, … 22:17:20 on 2023-11-14.
  MockUpstream upstream{[] {
    MockUpstreamOptions options;
    options.records = 5;
    return options;
  }()};
  HttpClient client{upstream.base_url()};
};

TEST_F(MockSearchTest, UpdatedBoundsAreExclusiveAndPagesFollowTheCursor) {
  const auto first =
      search("type:user updated > 2023-11-14T22:13:20Z updated < 2023-11-14T22:17:20Z", "2").json();
  EXPECT_EQ(ids(first), (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(first.at("results").at(0),
            boost::json::parse(R"({"id": "m1", "url": ")" + upstream.base_url() +
                               R"(/api/v2/users/m1.json", "name": "First1 Last1",
                "email": "user1@example.com", "created_at": "2023-11-14T22:14:20+00:00",
                "updated_at": "2023-11-14T22:14:20+00:00", "result_type": "user"})"));
  EXPECT_EQ(first.at("meta"), boost::json::parse(R"({"has_more": true,
      "after_cursor": "c2VhcmNo2", "before_cursor": "c2VhcmNo0"})"));
  const std::string next(first.at("links").at("next").as_string());
  const auto last = get(next.substr(upstream.base_url().size())).json();
  EXPECT_EQ(ids(last), (std::vector<std::string>{"m3"}));
  EXPECT_EQ(last.at("meta").at("has_more"), false);
  EXPECT_EQ(last.at("meta").at("after_cursor"), "c2VhcmNo3");
  EXPECT_TRUE(last.at("links").at("next").is_null());
}

TEST_F(MockSearchTest, AddedRecordsFollowTheLastWithTheirChangeTime) {
  upstream.add_records(2, 1800000000000);  // 2027-01-15T08:00:00Z
  EXPECT_EQ(ids(search("type:user updated>2027-01-15T07:59:59Z").json()),
            (std::vector<std::string>{"m5", "m6"}));
  EXPECT_EQ(ids(search("type:user updated < 2023-11-14T22:14:21Z").json()),
            (std::vector<std::string>{"m0", "m1"}));
}

TEST_F(MockSearchTest, WhatItDoesNotUnderstandIsA400) {
  EXPECT_EQ(search("type:user updated < {END_TIME}").status, 400);
  EXPECT_EQ(search("type:ticket").status, 400);
  EXPECT_EQ(search("type:user", "0").status, 400);
  EXPECT_EQ(get("/api/v2/search/export?query=type%3Auser").status, 400);      // no filter[type]
  EXPECT_EQ(get("/api/v2/search/export?filter%5Btype%5D=user").status, 400);  // no query
  EXPECT_EQ(get("/api/v2/search/export?query=type%3Auser&filter%5Btype%5D=user&"
                "page%5Bafter%5D=nope")
                .status,
            400);
}

}  // namespace
}  // namespace hw::test
