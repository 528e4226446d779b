// POINTER, CONTINUATION_TOKEN and PAGE pagination end to end, through the HTTP API only:
// a connection spec whose sourceSpec pages as Stripe, Zendesk or a page-numbered API does,
// a flow on RestStorageToAEP, a run, and the records read back through the Data Access API.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "integration/run_fixture.hpp"

namespace hw::test {
namespace {

class PaginationTest : public RunTest {
 protected:
  // A copy of the MailChimp spec reading `path` with `pagination` (records at `content_path`),
  // registered, added to RestStorageToAEP, and the spec flow_with's flows use from now on.
  void use_source(std::string_view name, std::string_view path, std::string_view content_path,
                  std::string_view pagination, boost::json::object query = {}) {
    auto spec = parse_object(mailchimp_create_body());
    spec["name"] = name;
    auto& attributes = spec["sourceSpec"].as_object()["attributes"].as_object();
    auto& url = attributes["urlParams"].as_object();
    url["path"] = path;
    if (!query.empty()) url["queryParams"] = std::move(query);
    attributes["contentPath"] = content_path;
    attributes["paginationParams"] = boost::json::parse(pagination);
    spec_id_ = str(create_connection_spec(boost::json::serialize(spec)), "id");
    require_status(add_source(kRestStorageToAep, spec_id_), 200);
  }

  boost::json::object run_once() { return finished_run(start_run(flow_with("s3cret"))); }

  std::vector<std::string> landed_ids(const boost::json::object& run) {
    std::vector<std::string> ids;
    for (const auto& record : batch_records(str(run.at("activities").at(0), "id")))
      ids.push_back(str(record, "id"));
    return ids;
  }

  static std::string status(const boost::json::object& run) {
    return str(run.at("metrics").at("statusSummary"), "status");
  }

  static std::int64_t pages(const boost::json::object& run) {
    return run.at("activities").at(0).at("statusSummary").at("extensions").at("pages").as_int64();
  }

  // Every member of the mock, in its order: m0, m1, … — exactly once each.
  std::vector<std::string> every_id(std::size_t n) const {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back("m" + std::to_string(i));
    return ids;
  }

  std::vector<std::string> targets() const {
    std::vector<std::string> out;
    for (const auto& request : upstream_.requests()) out.push_back(request.target);
    return out;
  }
};

bool has(const std::string& target, std::string_view part) {
  return target.find(part) != std::string::npos;
}

TEST_F(PaginationTest, StripesHasMoreAndStartingAfterAsAContinuationToken) {
  use_source("Stripe customers", "/v1/customers", "$.data", R"({"type": "CONTINUATION_TOKEN",
      "continuationTokenPath": "$.data[-1].id", "parameterType": "QUERYPARAM",
      "parameterName": "starting_after"})",
             {{"limit", "100"}});
  const auto run = run_once();
  ASSERT_EQ(status(run), "success") << boost::json::serialize(run);
  EXPECT_EQ(landed_ids(run), every_id(250));
  EXPECT_EQ(count(run, "inputRecordCount"), 250);
  EXPECT_EQ(pages(run), 3);  // has_more is false on the third page
  const auto sent = targets();
  ASSERT_EQ(sent.size(), 3U);
  EXPECT_FALSE(has(sent[0], "starting_after")) << sent[0];
  EXPECT_TRUE(has(sent[1], "starting_after=m99")) << sent[1];
  EXPECT_TRUE(has(sent[2], "starting_after=m199")) << sent[2];
}

TEST_F(PaginationTest, ZendesksAfterCursorStopsOnHasMoreFalse) {
  use_source("Zendesk users by cursor", "/api/v2/users", "$.users",
             R"({"type": "CONTINUATION_TOKEN",
      "continuationTokenPath": "$.meta.after_cursor", "parameterType": "QUERYPARAM",
      "parameterName": "page[after]"})",
             {{"page[size]", "100"}});
  const auto run = run_once();
  ASSERT_EQ(status(run), "success") << boost::json::serialize(run);
  EXPECT_EQ(landed_ids(run), every_id(250));
  // The last page still carries an after_cursor; meta.has_more false ends the run there.
  EXPECT_EQ(pages(run), 3);
  const auto sent = targets();
  ASSERT_EQ(sent.size(), 3U);
  EXPECT_TRUE(has(sent[1], "page%5Bafter%5D=eyJvIjo64")) << sent[1];  // after position 100
}

TEST_F(PaginationTest, ZendesksAbsoluteNextLinkAsAPointer) {
  use_source("Zendesk users by link", "/api/v2/users", "$.users", R"({"type": "POINTER",
      "limitName": "page[size]", "limitValue": 100, "pointerPath": "$.links.next"})");
  const auto run = run_once();
  ASSERT_EQ(status(run), "success") << boost::json::serialize(run);
  EXPECT_EQ(landed_ids(run), every_id(250));
  EXPECT_EQ(pages(run), 3);
  const auto sent = targets();
  ASSERT_EQ(sent.size(), 3U);
  // The link's own query first, then what it left out (the schedule window) kept.
  EXPECT_EQ(sent[2].rfind("/api/v2/users?page%5Bsize%5D=100&page%5Bafter%5D=eyJvIjoc8&", 0), 0U)
      << sent[2];
  EXPECT_TRUE(has(sent[2], "since_last_changed=")) << sent[2];
}

TEST_F(PaginationTest, PageNumbersEndAtTheXPageCountHeader) {
  use_source("Numbered items", "/api/items", "$.items", R"({"type": "PAGE",
      "limitName": "pageSize", "limitValue": 100, "initialPageIndex": 1,
      "endPageIndex": "headers.x-pagecount", "pageParamName": "pageNumber",
      "maximumRequest": 10000})");
  const auto run = run_once();
  ASSERT_EQ(status(run), "success") << boost::json::serialize(run);
  EXPECT_EQ(landed_ids(run), every_id(250));
  EXPECT_EQ(pages(run), 3);  // X-PageCount: 3, so no fourth, empty page is asked for
  const auto sent = targets();
  ASSERT_EQ(sent.size(), 3U);
  for (std::size_t i = 0; i < sent.size(); ++i)
    EXPECT_TRUE(has(sent[i], "pageSize=100&pageNumber=" + std::to_string(i + 1))) << sent[i];
}

TEST_F(PaginationTest, MaximumRequestCapsARunsPages) {
  use_source("Numbered items, capped", "/api/items", "$.items", R"({"type": "PAGE",
      "limitName": "pageSize", "limitValue": 100, "initialPageIndex": 1,
      "pageParamName": "pageNumber", "maximumRequest": 2})");
  const auto run = run_once();
  ASSERT_EQ(status(run), "success") << boost::json::serialize(run);
  EXPECT_EQ(landed_ids(run), every_id(200));
  EXPECT_EQ(pages(run), 2);
  EXPECT_EQ(upstream_.requests().size(), 2U);
}

TEST_F(PaginationTest, ACursorThatNeverMovesFailsTheRunAsAPaginationLoop) {
  use_source("A stuck feed", "/api/feed", "$.entries", R"({"type": "CONTINUATION_TOKEN",
      "continuationTokenPath": "$.next_cursor", "parameterType": "QUERYPARAM",
      "parameterName": "cursor"})");
  const auto run = run_once();
  const auto& summary = run.at("metrics").at("statusSummary");
  ASSERT_EQ(str(summary, "status"), "failed") << boost::json::serialize(run);
  const auto& error = summary.at("errors").at(0);
  EXPECT_EQ(str(error, "code"), "PAGINATION_LOOP");
  const std::string message = str(error, "message");
  EXPECT_TRUE(has(message, "continuation token 'c1' a second time")) << message;
  EXPECT_TRUE(has(message, "/api/feed?")) << message;
  EXPECT_EQ(upstream_.requests().size(), 2U);  // the first page, then the one cursor=c1 gave
}

}  // namespace
}  // namespace hw::test
