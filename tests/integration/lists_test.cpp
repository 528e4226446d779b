// List parameters on /connectionSpecs: property filters, limit with continuation paging,
// orderby and count, checked against five specs made for each test plus the built-ins.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

// Tags the specs a test made, so a filter can leave the built-ins out.
constexpr std::string_view kFixtureTag = "lists-fixture";
constexpr std::size_t kBuiltinConnectionSpecs = 3;

class ListsTest : public ServerTest {
 protected:
  // Created out of name order, so ordering by name and by creation differ.
  ListsTest() {
    for (const char* name : {"echo", "alpha", "delta", "bravo", "charlie"})
      created_.push_back(create_connection_spec(mailchimp_named(name, kFixtureTag)));
  }

  boost::json::object list(std::string_view query) {
    return require_status(client_.get(std::string(kConnectionSpecs) + "?" + std::string(query)),
                          200)
        .json()
        .as_object();
  }

  std::vector<std::string> names(std::string_view query) {
    return names_of(list(query).at("items").as_array());
  }

  // Follows _links.next.href verbatim until the last page; returns every page's items.
  std::vector<boost::json::array> pages(std::string_view query) {
    std::vector<boost::json::array> out;
    std::string next = std::string(kConnectionSpecs) + "?" + std::string(query);
    while (!next.empty()) {
      const auto page = require_status(client_.get(next), 200).json().as_object();
      out.push_back(page.at("items").as_array());
      const auto* link = page.at("_links").as_object().if_contains("next");
      next = link ? str(*link, "href") : std::string();
    }
    return out;
  }

  std::string id_of(std::size_t i) const { return str(created_.at(i), "id"); }

  std::vector<boost::json::object> created_;
};

// A query selecting only the specs the fixture made, followed by `more`.
std::string tagged(std::string_view more = {}) {
  return "property=description==" + std::string(kFixtureTag) + std::string(more);
}

std::size_t count_of(const boost::json::object& list) {
  return list.at("count").to_number<std::size_t>();
}

TEST_F(ListsTest, EqualityFindsOneSpecByName) {
  EXPECT_EQ(names("property=name==charlie"), std::vector<std::string>{"charlie"});
}

TEST_F(ListsTest, EqualityFindsOneSpecById) {
  const auto items = list("property=id==" + id_of(2)).at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items.front(), created_.at(2));
}

TEST_F(ListsTest, CommaSeparatedConditionsAreAnded) {
  EXPECT_EQ(names(tagged(",name!=charlie&orderby=name")),
            (std::vector<std::string>{"alpha", "bravo", "delta", "echo"}));
}

TEST_F(ListsTest, RepeatedPropertyParametersAreAnded) {
  EXPECT_EQ(names(tagged("&property=name!=alpha&property=name!=echo&orderby=name")),
            (std::vector<std::string>{"bravo", "charlie", "delta"}));
}

TEST_F(ListsTest, TimestampComparisonsSelectExactly) {
  const long long pivot = created_.at(2).at("createdAt").to_number<long long>();
  const auto all = list("limit=1000").at("items").as_array();
  struct Case {
    const char* encoded;
    std::function<bool(long long)> keeps;
  };
  const std::vector<Case> cases = {{"%3E", [&](long long t) { return t > pivot; }},
                                   {"%3E%3D", [&](long long t) { return t >= pivot; }},
                                   {"%3C", [&](long long t) { return t < pivot; }},
                                   {"%3C%3D", [&](long long t) { return t <= pivot; }}};
  for (const auto& c : cases) {
    std::set<std::string> expected;
    for (const auto& item : all)
      if (c.keeps(item.at("createdAt").to_number<long long>())) expected.insert(str(item, "id"));
    const auto query =
        "limit=1000&property=createdAt" + std::string(c.encoded) + std::to_string(pivot);
    EXPECT_EQ(ids_of(list(query).at("items").as_array()), expected) << query;
  }
}

// Adobe's docs write the operators raw (`property=createdAt>=…`, `name=="CRMToAEP"`), and
// the design promises their curl lines work as written.
TEST_F(ListsTest, OperatorsAndQuotesWrittenRawAsInTheDocsWork) {
  const long long pivot = created_.at(0).at("createdAt").to_number<long long>();
  const auto later = list("limit=1000&property=createdAt>=" + std::to_string(pivot));
  EXPECT_EQ(later.at("items").as_array().size(), created_.size());
  EXPECT_EQ(names("property=name==\"charlie\""), std::vector<std::string>{"charlie"});
}

TEST_F(ListsTest, PagingVisitsEveryItemExactlyOnce) {
  const auto all = pages("limit=2");
  ASSERT_EQ(all.size(), 4U);  // 5 created + 3 built-ins, two per page
  std::vector<std::string> seen;
  for (const auto& page : all) {
    EXPECT_LE(page.size(), 2U);
    for (const auto& item : page) seen.push_back(str(item, "id"));
  }
  const std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_EQ(seen.size(), created_.size() + kBuiltinConnectionSpecs);
  EXPECT_EQ(unique.size(), seen.size());
  for (std::size_t i = 0; i < created_.size(); ++i) EXPECT_TRUE(unique.contains(id_of(i)));
}

TEST_F(ListsTest, PagingKeepsFiltersAndOrder) {
  std::vector<std::string> seen;
  for (const auto& page : pages(tagged("&orderby=-name&limit=2")))
    for (const auto& name : names_of(page)) seen.push_back(name);
  EXPECT_EQ(seen, (std::vector<std::string>{"echo", "delta", "charlie", "bravo", "alpha"}));
}

TEST_F(ListsTest, NextLinkOnlyWhenMoreItemsRemain) {
  const std::size_t total = created_.size() + kBuiltinConnectionSpecs;
  EXPECT_FALSE(list("limit=" + std::to_string(total)).at("_links").as_object().contains("next"));
  EXPECT_TRUE(list("limit=" + std::to_string(total - 1)).at("_links").as_object().contains("next"));
}

TEST_F(ListsTest, OrderByNameAscendingAndDescending) {
  EXPECT_EQ(names(tagged("&orderby=name")),
            (std::vector<std::string>{"alpha", "bravo", "charlie", "delta", "echo"}));
  EXPECT_EQ(names(tagged("&orderby=-name")),
            (std::vector<std::string>{"echo", "delta", "charlie", "bravo", "alpha"}));
}

TEST_F(ListsTest, DefaultOrderIsCreatedAtAscending) {
  const auto items = list("limit=1000").at("items").as_array();
  ASSERT_EQ(items.size(), created_.size() + kBuiltinConnectionSpecs);
  for (std::size_t i = 1; i < items.size(); ++i) {
    EXPECT_LE(items[i - 1].at("createdAt").to_number<long long>(),
              items[i].at("createdAt").to_number<long long>());
  }
}

TEST_F(ListsTest, OrderByCreatedAtDescending) {
  const auto items = list("limit=1000&orderby=-createdAt").at("items").as_array();
  ASSERT_EQ(items.size(), created_.size() + kBuiltinConnectionSpecs);
  for (std::size_t i = 1; i < items.size(); ++i) {
    EXPECT_GE(items[i - 1].at("createdAt").to_number<long long>(),
              items[i].at("createdAt").to_number<long long>());
  }
}

TEST_F(ListsTest, CountIsExactAndOnlyWhenAsked) {
  EXPECT_EQ(count_of(list("count=true")), created_.size() + kBuiltinConnectionSpecs);
  EXPECT_EQ(count_of(list(tagged("&count=true&limit=2"))), created_.size());
  EXPECT_EQ(count_of(list("property=name==charlie&count=true")), 1U);
  EXPECT_FALSE(list("limit=2").contains("count"));
}

TEST_F(ListsTest, InvalidParametersAre400WithTheirPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit=0", "query.limit"},
      {"limit=1001", "query.limit"},
      {"limit=abc", "query.limit"},
      {"limit=-1", "query.limit"},
      {"property=name", "query.property"},
      {"orderby=na;me", "query.orderby"},
      {"continuationToken=not-a-token", "query.continuationToken"},
      {"count=yes", "query.count"}};
  for (const auto& [query, path] : cases) {
    const auto response = client_.get(std::string(kConnectionSpecs) + "?" + query);
    expect_error(response, 400, "INVALID_REQUEST");
    EXPECT_TRUE(has_error_at(response, path)) << query;
  }
}

TEST_F(ListsTest, LimitBoundsAreAccepted) {
  EXPECT_EQ(list("limit=1").at("items").as_array().size(), 1U);
  EXPECT_EQ(list("limit=1000").at("items").as_array().size(),
            created_.size() + kBuiltinConnectionSpecs);
}

}  // namespace
}  // namespace hw::test
