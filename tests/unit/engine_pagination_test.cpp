// POINTER, CONTINUATION_TOKEN and PAGE pagination, page by page, on synthetic answers.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

std::unique_ptr<Paginator> paginator(std::string_view params) {
  const auto parsed = boost::json::parse(params).as_object();
  return make_paginator(&parsed);
}

UpstreamResponse page(std::string body, HeaderList headers = {}) {
  return {200, std::move(headers), std::move(body)};
}

UpstreamRequest request_at(std::string url) {
  UpstreamRequest request;
  request.url = std::move(url);
  return request;
}

RunError failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const RunError& e) {
    return e;
  }
  ADD_FAILURE() << "no RunError";
  return RunError("NONE", "");
}

// ---- POINTER ----------------------------------------------------------------------------------

constexpr std::string_view kNextLink =
    R"({"type": "POINTER", "limitName": "limit", "limitValue": 2, "pointerPath": "$.links.next"})";

TEST(PointerPagination, FollowsAnAbsoluteLinkUntilItIsNullAbsentOrEmpty) {
  for (const char* last :
       {R"({"links":{"next":null}})", R"({"links":{}})", R"({"links":{"next":""}})"}) {
    auto p = paginator(kNextLink);
    auto request = request_at("https://api.example/v1/items");
    p->first(request);
    EXPECT_EQ(request.url, "https://api.example/v1/items?limit=2");
    ASSERT_TRUE(
        p->next(page(R"({"links":{"next":"https://api.example/v1/items?cursor=abc&limit=2"}})"), 2,
                request));
    EXPECT_EQ(request.url, "https://api.example/v1/items?cursor=abc&limit=2");
    EXPECT_FALSE(p->next(page(last), 2, request)) << last;
  }
}

TEST(PointerPagination, ASameOriginLinkKeepsTheQueryParametersItDoesNotSet) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items?apikey=k&since=2024");
  p->first(request);
  ASSERT_TRUE(
      p->next(page(R"({"links":{"next":"https://API.example/v1/items?cursor=c1&since=2025"}})"), 2,
              request));
  EXPECT_EQ(request.url, "https://API.example/v1/items?cursor=c1&since=2025&apikey=k&limit=2");
}

TEST(PointerPagination, ALinkToAnotherHostIsFollowedAsItIs) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items?apikey=k");
  p->first(request);
  ASSERT_TRUE(
      p->next(page(R"({"links":{"next":"https://cdn.example/page/2?c=1#top"}})"), 2, request));
  EXPECT_EQ(request.url, "https://cdn.example/page/2?c=1");
}

TEST(PointerPagination, ALinkToAnotherOriginCarriesNoCredentials) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items");
  request.headers = {{"Authorization", "Bearer tok-1"}, {"Accept", "application/json"}};
  request.secrets = {"tok-1"};
  p->first(request);
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"/v1/items?c=1"}})"), 2, request));
  EXPECT_EQ(request.headers.size(), 2U);  // same origin: credentials kept
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"http://api.example/v1/items?c=2"}})"), 2, request));
  EXPECT_EQ(request.headers,
            (HeaderList{{"Accept", "application/json"}}));  // http is another origin
}

TEST(PointerPagination, ResolvesRelativeLinksAgainstThePagesUrl) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items");
  p->first(request);
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"/v1/items?page=2"}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v1/items?page=2&limit=2");
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"?page=3"}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v1/items?page=3&limit=2");
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"../v2/items?page=4"}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v2/items?page=4&limit=2");
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"items?page=5"}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v2/items?page=5&limit=2");
}

TEST(PointerPagination, RawBracketsAndSpacesInALinkAreEncoded) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items");
  p->first(request);
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"https://api.example/v1/items?page[after]=a b"}})"),
                      2, request));
  EXPECT_EQ(request.url, "https://api.example/v1/items?page%5Bafter%5D=a%20b&limit=2");
}

TEST(PointerPagination, ABareCursorGoesInTheParameterTheSpecNamesElseThePointersName) {
  auto named = paginator(R"({"type": "POINTER", "limitName": "limit", "limitValue": 2,
                             "pointerPath": "$.paging.cursor", "parameterName": "after"})");
  auto request = request_at("https://api.example/v1/items?since=1");
  named->first(request);
  ASSERT_TRUE(named->next(page(R"({"paging":{"cursor":"eyJpZCI6NH0="}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v1/items?since=1&limit=2&after=eyJpZCI6NH0%3D");
  ASSERT_TRUE(named->next(page(R"({"paging":{"cursor":"c2"}})"), 2, request));
  EXPECT_EQ(request.url, "https://api.example/v1/items?since=1&limit=2&after=c2");

  auto unnamed = paginator(
      R"({"type": "pointer", "limitName": "limit", "limitValue": 2, "pointerPath": "$.paging.cursor"})");
  auto second = request_at("https://api.example/v1/items");
  unnamed->first(second);
  ASSERT_TRUE(unnamed->next(page(R"({"paging":{"cursor":42}})"), 2, second));
  EXPECT_EQ(second.url, "https://api.example/v1/items?limit=2&cursor=42");
}

TEST(PointerPagination, APlainFieldNameAndAPathSimdjsonCannotWalkBothWork) {
  auto plain =
      paginator(R"({"type": "POINTER", "limitName": "n", "limitValue": 5, "pointerName": "next"})");
  auto request = request_at("https://api.example/a");
  plain->first(request);
  ASSERT_TRUE(plain->next(page(R"({"next":"/a?p=2"})"), 5, request));
  EXPECT_EQ(request.url, "https://api.example/a?p=2&n=5");

  auto descendant = paginator(
      R"({"type": "POINTER", "limitName": "n", "limitValue": 5, "pointerPath": "$..next_page"})");
  auto other = request_at("https://api.example/a");
  descendant->first(other);
  ASSERT_TRUE(descendant->next(page(R"({"meta":{"paging":{"next_page":"/a?p=9"}}})"), 5, other));
  EXPECT_EQ(other.url, "https://api.example/a?p=9&n=5");
}

TEST(PointerPagination, APointerAtAnObjectIsAMalformedPage) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/a");
  p->first(request);
  const auto e = failure([&] { p->next(page(R"({"links":{"next":{"href":"/b"}}})"), 2, request); });
  EXPECT_EQ(e.code(), "MALFORMED_PAGE");
  EXPECT_NE(std::string(e.what()).find("$['links']['next'] leads to an object"), std::string::npos)
      << e.what();
}

TEST(PointerPagination, TheSameLinkTwiceIsALoopNamingTheRequestWithoutSecrets) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items?apikey=key-123");
  request.secrets = {"key-123"};
  p->first(request);
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"/v1/items?cursor=a"}})"), 2, request));
  ASSERT_TRUE(p->next(page(R"({"links":{"next":"/v1/items?cursor=b"}})"), 2, request));
  const auto e =
      failure([&] { p->next(page(R"({"links":{"next":"/v1/items?cursor=a"}})"), 2, request); });
  EXPECT_EQ(e.code(), "PAGINATION_LOOP");
  const std::string message = e.what();
  EXPECT_NE(message.find("GET https://api.example/v1/items?cursor=b&apikey=***&limit=2"),
            std::string::npos)
      << message;
  EXPECT_EQ(message.find("key-123"), std::string::npos) << message;
}

TEST(PointerPagination, ALinkBackToTheFirstPageIsALoop) {
  auto p = paginator(kNextLink);
  auto request = request_at("https://api.example/v1/items");
  p->first(request);
  EXPECT_EQ(failure([&] {
              p->next(page(R"({"links":{"next":"https://api.example/v1/items?limit=2"}})"), 2,
                      request);
            }).code(),
            "PAGINATION_LOOP");
}

// ---- CONTINUATION_TOKEN ----------------------------------------------------------------------

constexpr std::string_view kZendeskToken = R"({"type": "CONTINUATION_TOKEN",
    "continuationTokenPath": "$.meta.after_cursor", "parameterType": "QUERYPARAM",
    "parameterName": "page[after]", "delayRequestMillis": "850"})";

TEST(ContinuationTokenPagination, AQueryTokenStopsWhenHasMoreBesideItIsFalse) {
  auto p = paginator(kZendeskToken);
  auto request = request_at("https://z.example/api/v2/users?page%5Bsize%5D=2");
  p->first(request);
  EXPECT_EQ(request.url, "https://z.example/api/v2/users?page%5Bsize%5D=2");
  ASSERT_TRUE(p->next(page(R"({"meta":{"has_more":true,"after_cursor":"c+2"}})"), 2, request));
  EXPECT_EQ(request.url, "https://z.example/api/v2/users?page%5Bsize%5D=2&page%5Bafter%5D=c%2B2");
  ASSERT_TRUE(p->next(page(R"({"meta":{"has_more":true,"after_cursor":"c4"}})"), 2, request));
  EXPECT_EQ(request.url, "https://z.example/api/v2/users?page%5Bsize%5D=2&page%5Bafter%5D=c4");
  // Zendesk's last page still holds a cursor; only has_more says it is the last.
  EXPECT_FALSE(p->next(page(R"({"meta":{"has_more":false,"after_cursor":"c5"}})"), 1, request));
}

TEST(ContinuationTokenPagination, StopsWhenTheTokenIsNullEmptyOrAbsent) {
  for (const char* last : {R"({"meta":{"after_cursor":null}})", R"({"meta":{"after_cursor":""}})",
                           R"({"meta":{}})", R"({"results":[]})"}) {
    auto p = paginator(kZendeskToken);
    auto request = request_at("https://z.example/users");
    p->first(request);
    EXPECT_FALSE(p->next(page(last), 0, request)) << last;
    EXPECT_EQ(request.url, "https://z.example/users");
  }
}

TEST(ContinuationTokenPagination, AHeaderTokenIsSetAndReplaced) {
  auto p = paginator(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "$.nextToken",
                         "parameterType": "HEADERPARAM", "parameterName": "X-Continuation"})");
  auto request = request_at("https://api.example/records");
  request.headers = {{"Accept", "application/json"}};
  p->first(request);
  ASSERT_TRUE(p->next(page(R"({"nextToken":"t1"})"), 3, request));
  ASSERT_TRUE(p->next(page(R"({"nextToken":"t2"})"), 3, request));
  EXPECT_EQ(request.url, "https://api.example/records");
  EXPECT_EQ(request.headers,
            (HeaderList{{"Accept", "application/json"}, {"X-Continuation", "t2"}}));
}

TEST(ContinuationTokenPagination, StripesHasMoreAtTheRootWithTheLastIdAsTheToken) {
  auto p = paginator(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "$.data[-1].id",
                         "parameterType": "QUERYPARAM", "parameterName": "starting_after"})");
  auto request = request_at("https://stripe.example/v1/customers?limit=2");
  p->first(request);
  ASSERT_TRUE(
      p->next(page(R"({"object":"list","data":[{"id":"cus_1"},{"id":"cus_2"}],"has_more":true})"),
              2, request));
  EXPECT_EQ(request.url, "https://stripe.example/v1/customers?limit=2&starting_after=cus_2");
  EXPECT_FALSE(
      p->next(page(R"({"object":"list","data":[{"id":"cus_3"}],"has_more":false})"), 1, request));
  EXPECT_EQ(request.url, "https://stripe.example/v1/customers?limit=2&starting_after=cus_2");
}

TEST(ContinuationTokenPagination, HasMoreInCamelCaseCountsToo) {
  auto p = paginator(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "$.next",
                         "parameterType": "QUERYPARAM", "parameterName": "token"})");
  auto request = request_at("https://api.example/r");
  EXPECT_TRUE(p->next(page(R"({"next":"a","hasMore":true})"), 1, request));
  EXPECT_FALSE(p->next(page(R"({"next":"b","hasMore":false})"), 1, request));
}

TEST(ContinuationTokenPagination, TheDocumentedEndConditionDecides) {
  auto p = paginator(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "$.token",
                         "parameterType": "QUERYPARAM", "parameterName": "token",
                         "endConditionName": "$.paging.done", "endConditionValue": "Const:true"})");
  auto request = request_at("https://api.example/r");
  // has_more is not read when the spec names its own condition
  EXPECT_TRUE(
      p->next(page(R"({"token":"a","paging":{"done":false},"has_more":false})"), 1, request));
  EXPECT_TRUE(p->next(page(R"({"token":"b"})"), 1, request));
  EXPECT_FALSE(p->next(page(R"({"token":"c","paging":{"done":true}})"), 1, request));
  EXPECT_EQ(request.url, "https://api.example/r?token=b");
}

TEST(ContinuationTokenPagination, TheSameTokenTwiceIsALoop) {
  auto p = paginator(kZendeskToken);
  auto request = request_at("https://z.example/users");
  ASSERT_TRUE(p->next(page(R"({"meta":{"after_cursor":"c1"}})"), 2, request));
  ASSERT_TRUE(p->next(page(R"({"meta":{"after_cursor":"c2"}})"), 2, request));
  const auto e = failure([&] { p->next(page(R"({"meta":{"after_cursor":"c1"}})"), 2, request); });
  EXPECT_EQ(e.code(), "PAGINATION_LOOP");
  EXPECT_NE(std::string(e.what()).find("continuation token 'c1' a second time"), std::string::npos)
      << e.what();
  EXPECT_NE(std::string(e.what()).find("GET https://z.example/users?page%5Bafter%5D=c2"),
            std::string::npos)
      << e.what();
}

TEST(ContinuationTokenPagination, AnUnknownParameterTypeIsAnInvalidSpec) {
  EXPECT_EQ(failure([] {
              paginator(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "$.t",
                            "parameterType": "BODY", "parameterName": "t"})");
            }).code(),
            "INVALID_SPEC");
}

// ---- PAGE -------------------------------------------------------------------------------------

// The page numbers a PAGE paginator asks for, given the records on each page it reads.
std::vector<std::string> pages_asked(std::string_view params,
                                     const std::vector<std::size_t>& records,
                                     const std::function<UpstreamResponse(std::size_t)>& answer) {
  auto p = paginator(params);
  auto request = request_at("https://api.example/items");
  p->first(request);
  std::vector<std::string> urls{request.url};
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!p->next(answer(i), records[i], request)) break;
    urls.push_back(request.url);
  }
  return urls;
}

UpstreamResponse plain(std::size_t) {
  return page(R"({"items":[]})");
}

TEST(PagePagination, StartsAtPageZeroByDefaultAndStopsOnAnEmptyPage) {
  const auto urls = pages_asked(
      R"({"type": "PAGE", "limitName": "pageSize", "limitValue": 3, "pageParamName": "pageNumber"})",
      {3, 1, 3, 0, 3}, plain);
  // a short page does not end it: APIs may cap pageSize below limitValue
  EXPECT_EQ(urls, (std::vector<std::string>{"https://api.example/items?pageSize=3&pageNumber=0",
                                            "https://api.example/items?pageSize=3&pageNumber=1",
                                            "https://api.example/items?pageSize=3&pageNumber=2",
                                            "https://api.example/items?pageSize=3&pageNumber=3"}));
}

TEST(PagePagination, EndPageIndexAsANumberIsTheLastPageAsked) {
  const auto urls = pages_asked(R"({"type": "page", "limitName": "n", "limitValue": "2",
      "pageParamName": "p", "initialPageIndex": 1, "endPageIndex": 3})",
                                {2, 2, 2, 2, 2}, plain);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://api.example/items?n=2&p=1",
                                            "https://api.example/items?n=2&p=2",
                                            "https://api.example/items?n=2&p=3"}));
}

TEST(PagePagination, EndPageIndexFromTheFirstPagesHeader) {
  const auto urls =
      pages_asked(R"({"type": "PAGE", "limitName": "pageSize", "limitValue": 100,
      "initialPageIndex": 1, "endPageIndex": "headers.X-PageCount", "pageParamName": "pageNumber",
      "maximumRequest": 10000})",
                  {100, 100, 100, 100}, [](std::size_t i) {
                    // later pages claim more: only the first page's count counts
                    return page(R"({"items":[]})", {{"x-pagecount", i == 0 ? " 2 " : "9"}});
                  });
  EXPECT_EQ(urls.size(), 2U);
  EXPECT_EQ(urls.back(), "https://api.example/items?pageSize=100&pageNumber=2");
}

TEST(PagePagination, WithoutTheHeaderAnEmptyPageEndsIt) {
  const auto urls = pages_asked(R"({"type": "PAGE", "limitName": "n", "limitValue": 1,
      "initialPageIndex": 1, "endPageIndex": "headers.x-pagecount", "pageParamName": "p"})",
                                {1, 1, 0}, plain);
  EXPECT_EQ(urls.size(), 3U);
}

TEST(PagePagination, EndPageIndexFromAJsonPathIntoTheFirstPage) {
  const auto urls = pages_asked(
      R"({"type": "PAGE", "limitName": "n", "limitValue": 1,
      "initialPageIndex": 0, "endPageIndex": "$.meta.lastPage", "pageParamName": "p"})",
      {1, 1, 1, 1}, [](std::size_t) { return page(R"({"items":[1],"meta":{"lastPage":"2"}})"); });
  EXPECT_EQ(urls.back(), "https://api.example/items?n=1&p=2");
  EXPECT_EQ(urls.size(), 3U);
}

TEST(PagePagination, MaximumRequestCapsTheRequests) {
  const auto urls = pages_asked(R"({"type": "PAGE", "limitName": "n", "limitValue": 1,
      "pageParamName": "p", "maximumRequest": "3"})",
                                {1, 1, 1, 1, 1, 1}, plain);
  EXPECT_EQ(urls.size(), 3U);
  EXPECT_EQ(urls.back(), "https://api.example/items?n=1&p=2");
}

TEST(PagePagination, APageCountThatIsNotANumberIsAMalformedPage) {
  const auto e = failure([] {
    pages_asked(R"({"type": "PAGE", "limitName": "n", "limitValue": 1, "pageParamName": "p",
        "endPageIndex": "headers.x-pagecount"})",
                {1}, [](std::size_t) {
                  return page("{}", {{"x-pagecount", "many"}});
                });
  });
  EXPECT_EQ(e.code(), "MALFORMED_PAGE");
  EXPECT_NE(std::string(e.what()).find("endPageIndex headers.x-pagecount is 'many'"),
            std::string::npos)
      << e.what();
}

}  // namespace
}  // namespace hw::engine
