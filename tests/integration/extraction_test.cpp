// Record extraction end to end, through the HTTP API only: connection specs with
// keepAttributes/skipAttributes, explodeEntityPath and a custom schema, a flow with its
// options, POST /runs, then the records and failed records read back through the Data
// Access API. The upstream is the mock's MailChimp email-activity report (four emails:
// e0 open+click, e1 no activity, e2 a hard bounce, e3 two opens) and its list members.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "integration/run_fixture.hpp"

namespace hw::test {
namespace {

// Only opens and clicks are allowed: e2's bounce violates it.
constexpr std::string_view kOpensAndClicks = R"({"type": "object", "properties": {"emails": {
  "type": "array", "items": {"type": "object", "required": ["email_id"], "properties": {
    "email_id": {"type": "string"},
    "activity": {"type": "array", "items": {"properties": {
      "action": {"enum": ["open", "click"]}}}}}}}}})";

constexpr std::string_view kBounceReason =
    R"($.activity[0].action: must be one of "open", "click")";

class ExtractionTest : public RunTest {
 protected:
  // The docs' MailChimp spec reading /3.0/reports/${campaignId}/email-activity, with
  // `content` as contentPath, `explode` as explodeEntityPath and `schema` as
  // sourceSpec.schema (each left out when empty), added to RestStorageToAEP.
  std::string activity_spec(std::string_view content, std::string_view explode = {},
                            std::string_view schema = {}) {
    auto spec = parse_object(mailchimp_named("MailChimp email activity"));
    auto& source_spec = spec["sourceSpec"].as_object();
    auto& attributes = source_spec["attributes"].as_object();
    attributes["urlParams"].as_object()["path"] = "/3.0/reports/${campaignId}/email-activity";
    attributes["contentPath"] = boost::json::parse(content);
    if (!explode.empty()) attributes["explodeEntityPath"] = boost::json::parse(explode);
    if (!schema.empty()) source_spec["schema"] = boost::json::parse(schema);
    source_spec["spec"].as_object()["properties"] = {{"campaignId", {{"type", "string"}}}};
    const std::string id = str(create_connection_spec(boost::json::serialize(spec)), "id");
    require_status(add_source(kRestStorageToAep, id), 200);
    return id;
  }

  // connection → source (campaign c42) → dataset → target → flow with `options`.
  std::string activity_flow(std::string_view spec_id, std::string_view options = {}) {
    auto connection = parse_object(basic_connection(spec_id, "s3cret"));
    connection["auth"].as_object()["params"].as_object()["host"] = upstream_.base_url();
    Chain chain;
    chain.connection = create(kConnections, boost::json::serialize(connection));
    chain.source =
        create(kSourceConnections, boost::json::serialize(boost::json::object{
                                       {"name", "campaign c42"},
                                       {"baseConnectionId", chain.connection},
                                       {"connectionSpec", {{"id", spec_id}, {"version", "1.0"}}},
                                       {"data", {{"format", "json"}}},
                                       {"params", {{"campaignId", "c42"}}}}));
    chain.dataset = create_dataset();
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    auto flow = flow_body(chain);
    flow["scheduleParams"] = {{"startTime", 4102444800}, {"frequency", "hour"}, {"interval", 1}};
    if (!options.empty()) flow["options"] = boost::json::parse(options);
    return create(kFlows, boost::json::serialize(flow));
  }

  boost::json::object run(std::string_view flow) { return finished_run(start_run(flow)); }

  static std::string status(const boost::json::object& run) {
    return str(run.at("metrics").at("statusSummary"), "status");
  }

  static std::string batch_of(const boost::json::object& run) {
    return str(run.at("activities").at(0), "id");
  }

  // Every line of the batch's failed files, through GET /batches/{id}/failed.
  std::vector<boost::json::object> failed_records(std::string_view batch_id) {
    std::vector<boost::json::object> out;
    const auto files = require_status(client_.get(std::string(kExport) + "/batches/" +
                                                  std::string(batch_id) + "/failed"),
                                      200)
                           .json();
    for (const auto& file : files.at("data").as_array()) {
      std::istringstream lines(
          require_status(client_.get(str(file.at("_links").at("self"), "href")), 200).body);
      for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
    }
    return out;
  }

  static std::vector<boost::json::object> objects(std::string_view json_array) {
    std::vector<boost::json::object> out;
    const auto parsed = boost::json::parse(json_array);
    for (const auto& v : parsed.as_array()) out.push_back(v.as_object());
    return out;
  }
};

TEST_F(ExtractionTest, KeepAttributesLandOnlyTheKeptFields) {
  const auto done = run(activity_flow(
      activity_spec(R"({"path": "$.emails", "keepAttributes": ["email_id", "email_address"]})")));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  EXPECT_EQ(batch_records(batch_of(done)), objects(R"([
      {"email_id": "e0", "email_address": "user0@example.com"},
      {"email_id": "e1", "email_address": "user1@example.com"},
      {"email_id": "e2", "email_address": "user2@example.com"},
      {"email_id": "e3", "email_address": "user3@example.com"}])"));
  EXPECT_EQ(count(done, "inputRecordCount"), 4);
  EXPECT_EQ(count(done, "outputRecordCount"), 4);
}

TEST_F(ExtractionTest, SkipAttributesDropFieldsUnderTheWrapper) {
  const auto done = run(activity_flow(activity_spec(
      R"({"path": "$.emails", "skipAttributes": ["_links", "activity", "list_is_active"],
          "overrideWrapperAttribute": "email"})")));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  const auto records = batch_records(batch_of(done));
  ASSERT_EQ(records.size(), 4U);
  EXPECT_EQ(records[2], boost::json::parse(R"({"email": {"campaign_id": "c42", "list_id": "L1",
      "email_id": "e2", "email_address": "user2@example.com"}})"));
}

// Adobe's explodeEntityPath example: one record per activity, beside its email's fields.
TEST_F(ExtractionTest, EmailActivityIsExplodedIntoOneRecordPerActivity) {
  const auto done = run(activity_flow(activity_spec(
      R"({"path": "$.emails", "skipAttributes": ["_links", "list_is_active"],
          "overrideWrapperAttribute": "email"})",
      R"({"path": "$.email.activity", "skipAttributes": ["ip"],
          "overrideWrapperAttribute": "activity"})")));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  // Email n's kept fields, with one of its activities.
  const auto record = [](int n, std::string_view activity) {
    const std::string e = std::to_string(n);
    auto out = parse_object(R"({"email": {"campaign_id": "c42", "list_id": "L1", "email_id": "e)" +
                            e + R"(", "email_address": "user)" + e + R"(@example.com"}})");
    out["email"].as_object()["activity"] = boost::json::parse(activity);
    return out;
  };
  EXPECT_EQ(
      batch_records(batch_of(done)),
      (std::vector<boost::json::object>{
          record(0, R"({"action": "open", "type": "", "timestamp": "2023-11-14T22:15:00+00:00"})"),
          record(0, R"({"action": "click", "type": "", "timestamp": "2023-11-14T22:20:00+00:00",
                        "url": "https://example.com/offer"})"),
          record(
              2,
              R"({"action": "bounce", "type": "hard", "timestamp": "2023-11-14T22:14:00+00:00"})"),
          record(3, R"({"action": "open", "type": "", "timestamp": "2023-11-14T23:00:00+00:00"})"),
          record(3,
                 R"({"action": "open", "type": "", "timestamp": "2023-11-15T08:30:00+00:00"})")}));
  EXPECT_EQ(count(done, "inputRecordCount"), 4);  // emails; e1 has no activity
  EXPECT_EQ(count(done, "outputRecordCount"), 5);
  EXPECT_EQ(count(done, "failedRecordCount"), 0);
}

// 1 of 4 records fails: 25% is within partialIngestionPercent 30.
TEST_F(ExtractionTest, ARecordViolatingTheSchemaLandsInTheFailedFilesWithItsReason) {
  const auto done = run(activity_flow(
      activity_spec(R"({"path": "$.emails", "keepAttributes": ["email_id"]})", {}, kOpensAndClicks),
      R"({"partialIngestionPercent": 30})"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  const auto batch = batch_of(done);
  EXPECT_EQ(batch_records(batch),
            objects(R"([{"email_id": "e0"}, {"email_id": "e1"}, {"email_id": "e3"}])"));
  const auto failed = failed_records(batch);
  ASSERT_EQ(failed.size(), 1U);
  EXPECT_EQ(failed[0].at("record"), boost::json::parse(R"({"campaign_id": "c42",
      "list_id": "L1", "list_is_active": true, "email_id": "e2",
      "email_address": "user2@example.com", "activity": [{"action": "bounce", "type": "hard",
      "timestamp": "2023-11-14T22:14:00+00:00", "ip": "192.0.2.7"}],
      "_links": [{"rel": "parent", "method": "GET"}]})"));
  EXPECT_EQ(failed[0].at("reason").as_string(), kBounceReason);
  EXPECT_EQ(count(done, "inputRecordCount"), 4);
  EXPECT_EQ(count(done, "outputRecordCount"), 3);
  EXPECT_EQ(count(done, "failedRecordCount"), 1);
  // Without errorDiagnosticsEnabled the run carries counts only.
  EXPECT_FALSE(done.at("metrics").at("recordSummary").as_object().contains("failedInfo"));
}

TEST_F(ExtractionTest, MoreFailuresThanPartialIngestionPercentFailTheRun) {
  const std::string spec =
      activity_spec(R"({"path": "$.emails", "keepAttributes": ["email_id"]})", {}, kOpensAndClicks);
  for (std::string_view options : {R"({"partialIngestionPercent": 20})", ""}) {
    const auto done = run(activity_flow(spec, options));
    ASSERT_EQ(status(done), "failed") << options;
    const auto& error = done.at("metrics").at("statusSummary").at("errors").at(0);
    EXPECT_EQ(str(error, "code"), "PARTIAL_INGESTION");
    EXPECT_EQ(str(error, "message"),
              "1 of 4 records failed, more than partialIngestionPercent allows");
    EXPECT_EQ(count(done, "failedRecordCount"), 1);
    // What the run got stays readable, failed records included.
    EXPECT_EQ(batch_records(batch_of(done)).size(), 3U);
    EXPECT_EQ(failed_records(batch_of(done)).at(0).at("reason").as_string(), kBounceReason);
  }
}

TEST_F(ExtractionTest, ErrorDiagnosticsCarryTheFailedRecordsIndexAndReason) {
  const auto done =
      run(activity_flow(activity_spec(R"({"path": "$.emails"})", {}, kOpensAndClicks),
                        R"({"partialIngestionPercent": 50, "errorDiagnosticsEnabled": true})"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  const auto expected = boost::json::parse(R"([{"code": "SCHEMA_VIOLATION",
      "message": "$.activity[0].action: must be one of \"open\", \"click\"",
      "details": {"recordIndex": 2}}])");
  EXPECT_EQ(done.at("metrics").at("recordSummary").at("failedInfo"), expected);
  EXPECT_EQ(done.at("activities").at(0).at("recordSummary").at("failedInfo"), expected);
}

// 250 members all fail; the run keeps the first ten, and never a credential.
TEST_F(ExtractionTest, ErrorDiagnosticsAreBoundedToTheFirstTenFailures) {
  auto spec = parse_object(mailchimp_named("MailChimp members, unsubscribed only"));
  spec["sourceSpec"].as_object()["schema"] = boost::json::parse(R"({"properties": {"members": {
      "items": {"properties": {"status": {"const": "unsubscribed"}}}}}})");
  spec_id_ = str(create_connection_spec(boost::json::serialize(spec)), "id");
  require_status(add_source(kRestStorageToAep, spec_id_), 200);
  const auto done = run(flow_with("s3cret", [](boost::json::object& flow) {
    flow["options"] = {{"errorDiagnosticsEnabled", true}};
  }));
  ASSERT_EQ(status(done), "failed");
  EXPECT_EQ(count(done, "failedRecordCount"), 250);
  EXPECT_EQ(count(done, "outputRecordCount"), 0);
  const auto& info = done.at("metrics").at("recordSummary").at("failedInfo").as_array();
  ASSERT_EQ(info.size(), 10U);
  for (std::size_t i = 0; i < info.size(); ++i) {
    EXPECT_EQ(info[i].at("details").at("recordIndex").to_number<std::size_t>(), i);
    EXPECT_EQ(info[i].at("message").as_string(), R"($.status: must be "unsubscribed")") << info[i];
  }
  EXPECT_EQ(failed_records(batch_of(done)).size(), 250U);
  EXPECT_EQ(boost::json::serialize(done).find("s3cret"), std::string::npos);
}

TEST_F(ExtractionTest, ASchemaThatDoesNotDescribeTheRecordsIsRefusedWhenTheSpecIsPosted) {
  auto spec = parse_object(mailchimp_named("MailChimp email activity"));
  auto& source_spec = spec["sourceSpec"].as_object();
  source_spec["attributes"].as_object()["contentPath"] =
      boost::json::parse(R"({"path": "$.emails"})");
  source_spec["schema"] = boost::json::parse(R"({"properties": {"members": {"items": {}}}})");
  const auto response = client_.post(kConnectionSpecs, boost::json::serialize(spec));
  expect_error(response, 400, "INVALID_SPEC");
  EXPECT_EQ(error_message_at(response, "sourceSpec.schema"),
            "sourceSpec.schema has no object at 'properties.emails' to check contentPath's "
            "records against");
  EXPECT_TRUE(upstream_.requests().empty());
}

}  // namespace
}  // namespace hw::test
