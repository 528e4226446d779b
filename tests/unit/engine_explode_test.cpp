// explodeEntityPath: one record per sub-array element, beside its parent's kept fields.
#include <gtest/gtest.h>

#include "engine/run_error.hpp"
#include "unit/extract_test_util.hpp"

namespace hw::engine {
namespace {

using test::extract_pages;

// Adobe's example: MailChimp's email-activity report, contentPath $.emails wrapped as
// "email", each activity exploded as "activity".
constexpr const char* kEmailActivity = R"({
  "contentPath": {"path": "$.emails", "skipAttributes": ["_links"],
                  "overrideWrapperAttribute": "email"},
  "explodeEntityPath": {"path": "$.email.activity", "skipAttributes": ["ip"],
                        "overrideWrapperAttribute": "activity"}})";

constexpr const char* kReport = R"({"emails": [
  {"campaign_id": "c42", "email_id": "e0", "email_address": "user0@example.com",
   "activity": [
     {"action": "open", "timestamp": "2023-11-14T22:15:00+00:00", "ip": "192.0.2.7"},
     {"action": "click", "timestamp": "2023-11-14T22:20:00+00:00",
      "url": "https://example.com/offer", "ip": "192.0.2.7"}],
   "_links": [{"rel": "parent"}]},
  {"campaign_id": "c42", "email_id": "e1", "email_address": "user1@example.com",
   "activity": [], "_links": []}],
  "campaign_id": "c42", "total_items": 2})";

RunError refusal(const std::string& attributes) {
  try {
    extract_pages(attributes, {});
  } catch (const RunError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted " << attributes;
  return RunError("NONE", "");
}

TEST(EngineExplode, TheEmailActivityExampleGivesOneRecordPerActivity) {
  const auto out = extract_pages(kEmailActivity, {kReport});
  EXPECT_EQ(
      out.records,
      (std::vector<std::string>{
          R"({"email":{"campaign_id":"c42","email_id":"e0","email_address":"user0@example.com","activity":{"action":"open","timestamp":"2023-11-14T22:15:00+00:00"}}})",
          R"({"email":{"campaign_id":"c42","email_id":"e0","email_address":"user0@example.com","activity":{"action":"click","timestamp":"2023-11-14T22:20:00+00:00","url":"https://example.com/offer"}}})"}));
  EXPECT_EQ(out.count, 2U);  // source records: e1, with no activity, counts but adds no record
  EXPECT_TRUE(out.rejected.empty());
}

TEST(EngineExplode, TheElementTakesItsOwnWrapperNameAfterItsParentsFields) {
  const auto out = extract_pages(
      R"({"contentPath": {"path": "$.emails", "overrideWrapperAttribute": "email"},
          "explodeEntityPath": {"path": "$.email.activity", "overrideWrapperAttribute": "event"}})",
      {R"({"emails": [{"activity": [1, {"a": 2}], "email_id": "e0"}]})"});
  EXPECT_EQ(out.records,
            (std::vector<std::string>{R"({"email":{"email_id":"e0","event":1}})",
                                      R"({"email":{"email_id":"e0","event":{"a":2}}})"}));
}

TEST(EngineExplode, WithoutAContentPathWrapperThePathStartsAtTheElement) {
  const auto out =
      extract_pages(R"({"contentPath": "$.emails", "explodeEntityPath": "$.activity"})",
                    {R"({"emails": [{"email_id": "e0", "activity": ["open"]}]})"});
  EXPECT_EQ(out.records, std::vector<std::string>{R"({"email_id":"e0","activity":"open"})"});
}

// contentPath's keepAttributes never removes the field explodeEntityPath reads.
TEST(EngineExplode, ANestedSubArraySurvivesTheParentsKeepList) {
  const auto out = extract_pages(
      R"({"contentPath": {"path": "$.emails", "keepAttributes": ["id"],
                          "overrideWrapperAttribute": "email"},
          "explodeEntityPath": {"path": "$.email.details.events", "keepAttributes": ["kind"]}})",
      {R"({"emails": [{"id": 1, "noise": 0, "details": {"events": [{"kind": "open", "x": 1}],
                                                      "source": "web"}}]})"});
  EXPECT_EQ(out.records,
            std::vector<std::string>{
                R"({"email":{"id":1,"details":{"source":"web","events":{"kind":"open"}}}})"});
}

TEST(EngineExplode, MissingNullOrEmptySubArraysGiveNoRecords) {
  const auto out = extract_pages(kEmailActivity, {R"({"emails": [{"email_id": "e0"},
      {"email_id": "e1", "activity": null}, {"email_id": "e2", "activity": []}]})"});
  EXPECT_TRUE(out.records.empty());
  EXPECT_TRUE(out.rejected.empty());
  EXPECT_EQ(out.count, 3U);
}

TEST(EngineExplode, ASubArrayThatIsNotAnArrayFailsItsRecordWithItsRunWideIndex) {
  const auto out = extract_pages(kEmailActivity,
                                 {R"({"emails": [{"email_id": "e0", "activity": {"action": "open"}},
                      {"email_id": "e1", "activity": [{"action": "open"}]}]})",
                                  R"({"emails": [{"email_id": "e2", "activity": "open"}]})"});
  EXPECT_EQ(out.records, std::vector<std::string>{
                             R"({"email":{"email_id":"e1","activity":{"action":"open"}}})"});
  ASSERT_EQ(out.rejected.size(), 2U);
  EXPECT_EQ(out.rejected[0].record, R"({"email_id":"e0","activity":{"action":"open"}})");
  EXPECT_EQ(out.rejected[0].failure.index, 0U);
  EXPECT_EQ(out.rejected[0].failure.code, "EXPLODE_NOT_ARRAY");
  EXPECT_EQ(out.rejected[0].failure.reason,
            "explodeEntityPath $.email.activity is an object, not an array");
  EXPECT_EQ(out.rejected[1].record, R"({"email_id":"e2","activity":"open"})");
  EXPECT_EQ(out.rejected[1].failure.index, 2U);
  EXPECT_EQ(out.rejected[1].failure.reason,
            "explodeEntityPath $.email.activity is a string, not an array");
  EXPECT_EQ(out.count, 3U);
}

TEST(EngineExplode, PathsThatCannotBeExplodedAreRefusedUpFront) {
  auto e = refusal(R"({"contentPath": "$.emails", "explodeEntityPath": "$..activity"})");
  EXPECT_EQ(e.code(), "INVALID_SPEC");
  EXPECT_STREQ(e.what(),
               "explodeEntityPath '$..activity' must be '$' followed by field names, like "
               "$.email.activity");
  e = refusal(R"({"contentPath": {"path": "$.emails", "overrideWrapperAttribute": "email"},
                  "explodeEntityPath": {"path": "$.activity"}})");
  EXPECT_EQ(e.code(), "INVALID_SPEC");
  EXPECT_STREQ(e.what(),
               "explodeEntityPath '$.activity' must start with contentPath's "
               "overrideWrapperAttribute, like $.email.activity: records are wrapped first");
  e = refusal(R"({"contentPath": "$.emails", "explodeEntityPath": "$"})");
  EXPECT_STREQ(e.what(), "explodeEntityPath '$' must name the field that holds the sub-array");
}

}  // namespace
}  // namespace hw::engine
