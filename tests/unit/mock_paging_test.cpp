// The mock's Stripe-, Zendesk- and page-numbered endpoints answer as those APIs do.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "support/http_client.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test {
namespace {

class MockPagingTest : public ::testing::Test {
 protected:
  // Only the mock's Basic credentials (ann:s3cret), none of HttpClient's Adobe headers.
  HttpResponse get(const std::string& target) {
    return client.get(target, {{"Authorization", "Basic YW5uOnMzY3JldA=="},
                               {"x-api-key", ""},
                               {"x-gw-ims-org-id", ""},
                               {"x-sandbox-name", ""}});
  }

  MockUpstream upstream{[] {
    MockUpstreamOptions options;
    options.records = 5;
    return options;
  }()};
  HttpClient client{upstream.base_url()};
};

TEST_F(MockPagingTest, StripeListsAfterTheLastIdWithHasMore) {
  const auto first = get("/v1/customers?limit=2").json();
  EXPECT_EQ(first.at("object"), "list");
  EXPECT_EQ(first.at("has_more"), true);
  EXPECT_EQ(first.at("data").at(1).at("id"), "m1");
  const auto last = get("/v1/customers?limit=2&starting_after=m2").json();
  EXPECT_EQ(last.at("has_more"), false);
  EXPECT_EQ(last.at("data"), boost::json::parse(R"([
      {"id":"m3","object":"customer","email":"user3@example.com","created":1700000180},
      {"id":"m4","object":"customer","email":"user4@example.com","created":1700000240}])"));
  EXPECT_EQ(get("/v1/customers?starting_after=m9").status, 400);
}

TEST_F(MockPagingTest, ZendeskLinksNextIsAbsoluteAndNullOnTheLastPageWhoseCursorStays) {
  const auto first = get("/api/v2/users?page%5Bsize%5D=3").json();
  EXPECT_EQ(first.at("meta"),
            boost::json::parse(
                R"({"has_more":true,"after_cursor":"eyJvIjo3","before_cursor":"eyJvIjo0"})"));
  const std::string next(first.at("links").at("next").as_string());
  EXPECT_EQ(next, upstream.base_url() + "/api/v2/users?page%5Bsize%5D=3&page%5Bafter%5D=eyJvIjo3");
  const auto last = get(next.substr(upstream.base_url().size())).json();
  EXPECT_EQ(last.at("users").as_array().size(), 2U);
  EXPECT_EQ(last.at("meta").at("has_more"), false);
  EXPECT_EQ(last.at("meta").at("after_cursor"), "eyJvIjo5");
  EXPECT_TRUE(last.at("links").at("next").is_null());
  const auto past = get("/api/v2/users?page%5Bafter%5D=eyJvIjo5").json();
  EXPECT_TRUE(past.at("users").as_array().empty());
  EXPECT_TRUE(past.at("meta").at("after_cursor").is_null());
  EXPECT_EQ(get("/api/v2/users?page%5Bafter%5D=nope").status, 400);
}

TEST_F(MockPagingTest, NumberedPagesCountThemselvesInXPageCount) {
  const auto second = get("/api/items?pageSize=2&pageNumber=2");
  EXPECT_EQ(second.headers.at("X-PageCount"), "3");
  EXPECT_EQ(second.headers.at("X-Total-Count"), "5");
  EXPECT_EQ(second.json().at("items").at(0).at("id"), "m2");
  EXPECT_TRUE(get("/api/items?pageSize=2&pageNumber=4").json().at("items").as_array().empty());
  EXPECT_EQ(get("/api/items?pageNumber=0").status, 400);
}

TEST_F(MockPagingTest, TheStuckFeedRepeatsItsCursorButNeverItsPage) {
  const auto first = get("/api/feed"), second = get("/api/feed?cursor=c1"),
             again = get("/api/feed?cursor=c1");
  EXPECT_EQ(first.json().at("next_cursor"), "c1");
  EXPECT_EQ(second.json().at("next_cursor"), "c1");
  EXPECT_EQ(second.json().at("entries"), again.json().at("entries"));
  EXPECT_NE(second.body, again.body);
}

}  // namespace
}  // namespace hw::test
