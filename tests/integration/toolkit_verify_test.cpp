// `headwater verify`: the verification collection's steps through the real server, for the
// docs' MailChimp spec read from the mock upstream (batch) and the seed's streaming spec
// (events signed and posted); a line per step, and failures that say why.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/spec_api_fixture.hpp"
#include "integration/toolkit_command.hpp"
#include "support/mock_upstream.hpp"
#include "util/regex.hpp"

namespace hw::test {
namespace {

using Lines = std::vector<std::string>;

// The report's lines without the plain progress lines of a wait, whose number depends on
// timing; step times vary too: "(123 ms)" reads "(T ms)".
Lines steps_of(const std::string& out) {
  Lines lines;
  for (const auto& line : lines_of(out)) {
    if (line.starts_with("  waiting for ")) continue;
    lines.push_back(std::regex_replace(line, std::regex(R"(\(\d+ ms\))"), "(T ms)"));
  }
  return lines;
}

class VerifyCommandTest : public ::testing::Test {
 protected:
  VerifyCommandTest()
      : config_(write_config()),
        server_(data_.path(), {"--config", config_}),
        api_(server_.base_url()) {}

  std::string write_config() {
    const std::string path = work_.path() + "/headwater.json";
    write_text(path, R"({"streaming": {"windowSeconds": 1}})");
    return path;
  }

  // A spec registered as an author does: created, then listed in its family's flow spec.
  std::string register_spec(const std::string& body, std::string_view flow_spec) {
    const std::string id = str(require_status(api_.post(kConnectionSpecs, body), 201).json(), "id");
    const auto got = require_status(api_.get(flow_spec_path(flow_spec)), 200);
    auto flow = only_item(got);
    flow["sourceConnectionSpecIds"].as_array().emplace_back(id);
    require_status(api_.put(flow_spec_path(flow_spec), boost::json::serialize(flow),
                            {{"If-Match", got.headers.at("ETag")}}),
                   200);
    return id;
  }

  boost::json::object batch_env(std::string_view password = "s3cret") {
    if (mailchimp_.empty()) mailchimp_ = register_spec(mailchimp_create_body(), kRestStorageToAep);
    return {{"connectionSpecId", mailchimp_}, {"authSpecName", "Basic Authentication"},
            {"host", upstream_.base_url()},   {"username", "ann"},
            {"password", password},           {"listId", "abc123"},
            {"verifyWaitTimeInSecond", "60"}};
  }

  CommandResult verify(const boost::json::object& env, std::vector<std::string> extra = {}) {
    write_text(work_.path() + "/env.json", boost::json::serialize(env));
    std::vector<std::string> args = {"verify",           "--env", "env.json",        "--server",
                                     server_.base_url(), "--org", "TESTORG@AdobeOrg"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_headwater(args, work_.path(), std::chrono::seconds(120));
  }

  std::string header() const {
    return "verifying connection spec " + mailchimp_ + " at " + server_.base_url();
  }

  // What the test step reports when the source refuses the env's password: the server's
  // error, naming the page /test asked for and the source's 401.
  std::string wrong_password_error() const {
    return "400 CONNECTION_TEST_FAILED: the connection test failed: GET " + upstream_.base_url() +
           "/3.0/lists/abc123/members?count=100&offset=0 answered 401: {\"title\":\"API Key "
           "Invalid\",\"status\":401,\"detail\":\"Your request did not include an API key.\"}";
  }

  // The id a "✓ NAME (T ms): id X" line names.
  static std::string id_in(const std::string& line) { return line.substr(line.rfind(' ') + 1); }

  TempDir data_, work_;
  std::string config_;
  ServerProcess server_;
  HttpClient api_;
  MockUpstream upstream_;
  std::string mailchimp_;
};

TEST_F(VerifyCommandTest, ABatchSourcePassesEveryStepAndItsFlowIsDeleted) {
  const auto result = verify(batch_env());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.err, "");
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 17u) << result.out;
  EXPECT_EQ(lines[0], header());
  EXPECT_EQ(lines[1], "✓ connection spec (T ms): MailChimp source, batch");
  EXPECT_EQ(lines[2].rfind("✓ connection (T ms): id ", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3], "✓ test (T ms): the source answered");
  EXPECT_EQ(lines[4].rfind("✓ explore (T ms): ", 0), 0u) << lines[4];
  EXPECT_EQ(lines[5].rfind("✓ source connection (T ms): id ", 0), 0u) << lines[5];
  EXPECT_EQ(lines[6].rfind("✓ dataset (T ms): id ", 0), 0u) << lines[6];
  EXPECT_EQ(lines[7].rfind("✓ target connection (T ms): id ", 0), 0u) << lines[7];
  EXPECT_EQ(lines[8], "- mapping set: skipped, no mappings in the env: records land as read");
  EXPECT_EQ(lines[9].rfind("✓ flow (T ms): id ", 0), 0u) << lines[9];
  EXPECT_EQ(lines[10], "✓ run (T ms): 3 page(s), 250 record(s) in, 250 out, 0 failed");
  EXPECT_EQ(lines[11], "✓ sample (T ms): 3 landed record(s)");
  for (int i = 0; i < 3; ++i) {
    const auto record = boost::json::parse(lines[12 + i]).as_object();
    EXPECT_EQ(str(record, "id"), "m" + std::to_string(i));
  }
  const std::string flow = id_in(lines[9]);
  EXPECT_EQ(lines[15], "✓ delete flow (T ms): flow " + flow);
  EXPECT_EQ(lines[16], "verify passed");
  EXPECT_EQ(api_.get("/data/foundation/flowservice/flows/" + flow).status, 404);
}

TEST_F(VerifyCommandTest, AWrongPasswordFailsAtTheTestStepAndSaysWhy) {
  const auto result = verify(batch_env("wrong"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "");
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 5u) << result.out;
  EXPECT_EQ(lines[0], header());
  EXPECT_EQ(lines[1], "✓ connection spec (T ms): MailChimp source, batch");
  EXPECT_EQ(lines[2].rfind("✓ connection (T ms): id ", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3], "✗ test (T ms): " + wrong_password_error());
  EXPECT_EQ(lines[4], "verify failed");
  EXPECT_EQ(result.out.find("wrong"), std::string::npos) << result.out;
}

TEST_F(VerifyCommandTest, AWrongPasswordInJsonNamesTheFailedStepAndTheSourcesAnswer) {
  const auto result = verify(batch_env("wrong"), {"--json"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "");
  const auto report = boost::json::parse(result.out).as_object();
  EXPECT_EQ(report.at("passed"), false);
  EXPECT_EQ(report.at("family"), "batch");
  const auto& steps = report.at("steps").as_array();
  ASSERT_EQ(steps.size(), 3u) << result.out;
  EXPECT_EQ(steps[0].at("status"), "passed");
  EXPECT_EQ(steps[1].at("name"), "connection");
  EXPECT_EQ(steps[1].at("status"), "passed");
  EXPECT_EQ(steps[2].at("name"), "test");
  EXPECT_EQ(steps[2].at("status"), "failed");
  EXPECT_EQ(str(steps[2], "error"), wrong_password_error());
  EXPECT_FALSE(steps[2].as_object().contains("detail"));
  EXPECT_EQ(report.at("run"), boost::json::object());
  EXPECT_EQ(report.at("sample"), boost::json::array());
}

TEST_F(VerifyCommandTest, AnEmptySourceFailsTheRunStepAndSaysWhy) {
  upstream_.set_records(0);
  const auto result = verify(batch_env());
  EXPECT_EQ(result.exit_code, 1);
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 13u) << result.out;
  EXPECT_EQ(lines[9].rfind("✓ flow (T ms): id ", 0), 0u) << lines[9];
  EXPECT_EQ(lines[10],
            "✗ run (T ms): the run landed no records (1 page(s), 0 record(s) in, 0 out, 0 "
            "failed); check the source params, startTime and contentPath");
  const std::string flow = id_in(lines[9]);
  EXPECT_EQ(lines[11], "✓ delete flow (T ms): flow " + flow);
  EXPECT_EQ(lines[12], "verify failed");
  EXPECT_EQ(api_.get("/data/foundation/flowservice/flows/" + flow).status, 404);
}

TEST_F(VerifyCommandTest, AnEmptySourceInJsonCarriesTheRunsCounts) {
  upstream_.set_records(0);
  const auto result = verify(batch_env(), {"--json"});
  EXPECT_EQ(result.exit_code, 1);
  const auto report = boost::json::parse(result.out).as_object();
  EXPECT_EQ(report.at("passed"), false);
  EXPECT_EQ(report.at("run"), boost::json::parse(R"({"status": "success", "pages": 1,
      "inputRecordCount": 0, "outputRecordCount": 0, "failedRecordCount": 0})"));
  Lines names;
  for (const auto& step : report.at("steps").as_array())
    names.push_back(str(step, "name") + ":" + str(step, "status"));
  EXPECT_EQ(names,
            (Lines{"connection spec:passed", "connection:passed", "test:passed", "explore:passed",
                   "source connection:passed", "dataset:passed", "target connection:passed",
                   "mapping set:skipped", "flow:passed", "run:failed", "delete flow:passed"}));
  EXPECT_EQ(report.at("steps").at(9).at("error"),
            "the run landed no records (1 page(s), 0 record(s) in, 0 out, 0 failed); check the "
            "source params, startTime and contentPath");
  EXPECT_EQ(report.at("sample"), boost::json::array());
}

TEST_F(VerifyCommandTest, AnUnknownSpecFailsTheFirstStepWithTheServersError) {
  const auto result = verify({{"connectionSpecId", "no-such-spec"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(
      steps_of(result.out),
      (Lines{"verifying connection spec no-such-spec at " + server_.base_url(),
             "✗ connection spec (T ms): GET "
             "/data/foundation/flowservice/connectionSpecs/no-such-spec answered 404 NOT_FOUND: "
             "connection spec 'no-such-spec' was not found in this organization and sandbox",
             "verify failed"}));
}

TEST_F(VerifyCommandTest, KeepLeavesTheFlowAndSaysSo) {
  const auto result = verify(batch_env(), {"--keep"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 17u) << result.out;
  const std::string flow = id_in(lines[9]);
  EXPECT_EQ(lines[15], "- delete flow: skipped, --keep: flow " + flow + " stays");
  EXPECT_EQ(lines[16], "verify passed");
  EXPECT_EQ(api_.get("/data/foundation/flowservice/flows/" + flow).status, 200);
}

TEST_F(VerifyCommandTest, JsonGivesOneMachineReadableReportAndKeepKeepsTheFlow) {
  const auto result = verify(batch_env(), {"--json", "--keep"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const auto report = boost::json::parse(result.out).as_object();
  EXPECT_EQ(report.at("passed"), true);
  EXPECT_EQ(report.at("family"), "batch");
  EXPECT_EQ(str(report, "connectionSpecId"), mailchimp_);
  EXPECT_EQ(report.at("run"), boost::json::parse(R"({"status": "success", "pages": 3,
      "inputRecordCount": 250, "outputRecordCount": 250, "failedRecordCount": 0})"));
  ASSERT_EQ(report.at("sample").as_array().size(), 3u);
  EXPECT_EQ(report.at("sample").at(0).at("email_address"), "user0@example.com");
  Lines names;
  std::string flow;
  for (const auto& step : report.at("steps").as_array()) {
    names.push_back(str(step, "name") + ":" + str(step, "status"));
    if (str(step, "name") == "flow") flow = str(step, "detail").substr(3);
  }
  EXPECT_EQ(names, (Lines{"connection spec:passed", "connection:passed", "test:passed",
                          "explore:passed", "source connection:passed", "dataset:passed",
                          "target connection:passed", "mapping set:skipped", "flow:passed",
                          "run:passed", "sample:passed", "delete flow:skipped"}));
  EXPECT_EQ(api_.get("/data/foundation/flowservice/flows/" + flow).status, 200);
}

TEST_F(VerifyCommandTest, MappingsFromTheEnvShapeTheLandedRecords) {
  auto env = batch_env();
  env["mappings"] = boost::json::parse(
      R"([{"destinationXdmPath": "person.email", "sourceAttribute": "email_address",
           "identity": false, "version": 0}])");
  const auto result = verify(env, {"--json"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const auto report = boost::json::parse(result.out).as_object();
  EXPECT_EQ(report.at("sample").at(0),
            boost::json::parse(R"({"person": {"email": "user0@example.com"}})"));
}

TEST_F(VerifyCommandTest, AStreamingSourceGetsItsEventsSignedPostedAndLanded) {
  const std::string spec = register_spec(seed_streaming_body(), kGenericStreamingAep);
  write_text(work_.path() + "/events.jsonl",
             "{\"id\": 1, \"kind\": \"signup\"}\n{\"id\": 2, \"kind\": \"login\"}\n\n"
             "{\"id\": 3, \"kind\": \"logout\"}\n");
  const auto result = verify({{"connectionSpecId", spec},
                              {"hmacSecret", "hook-s3cret"},
                              {"sampleFile", "events.jsonl"},
                              {"verifyWaitTimeInSecond", 60}});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 16u) << result.out;
  EXPECT_EQ(lines[1], "✓ connection spec (T ms): generic-streaming, streaming");
  EXPECT_NE(lines[2].find(", inlet "), std::string::npos) << lines[2];
  EXPECT_EQ(lines[8], "✓ send events (T ms): 3 event(s) accepted");
  EXPECT_EQ(lines[9].rfind("✓ landed (T ms): 3 event(s) landed in ", 0), 0u) << lines[9];
  EXPECT_EQ(lines[10], "✓ sample (T ms): 3 landed record(s)");
  EXPECT_EQ(lines[15], "verify passed");
}

TEST_F(VerifyCommandTest, AStreamingSourceWithoutItsSecretFailsAtTheConnection) {
  const std::string spec = register_spec(seed_streaming_body(), kGenericStreamingAep);
  const auto result = verify({{"connectionSpecId", spec}, {"sampleFile", "events.jsonl"}});
  EXPECT_EQ(result.exit_code, 1);
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 4u) << result.out;
  EXPECT_EQ(lines[2], "✗ connection (T ms): hmacSecret is required for HMAC Authentication");
}

TEST_F(VerifyCommandTest, EnvProblemsAreListedBeforeAnythingRuns) {
  const auto result = verify({{"authSpecName", 5}, {"verifyWaitTimeInSecond", "soon"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "env.json:connectionSpecId: is required\n"
            "env.json:authSpecName: must be a non-empty string\n"
            "env.json:verifyWaitTimeInSecond: must be a whole number from 1 to 86400\n");
}

TEST_F(VerifyCommandTest, TheWaitForASlowRunShowsTheRecordsLandedSoFar) {
  upstream_.set_records(950);  // count=100: ten pages
  // /test and /explore read a page each, then the run's ten: each answered after 400 ms.
  upstream_.inject(MockUpstream::Fault::slow, 0, 12, 1, std::chrono::milliseconds(400));
  const auto result = verify(batch_env());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const std::regex waiting(R"(  waiting for the run: (\d+) records?, \d+ s)");
  bool partway = false;
  for (const auto& line : lines_of(result.out)) {
    std::smatch match;
    if (!std::regex_match(line, match, waiting)) continue;
    const auto landed = std::stoul(match[1].str());
    partway = partway || (landed > 0 && landed < 950);
  }
  EXPECT_TRUE(partway) << "no waiting line with some records landed:\n" << result.out;
  const auto lines = steps_of(result.out);
  ASSERT_EQ(lines.size(), 17u) << result.out;
  EXPECT_EQ(lines[10], "✓ run (T ms): 10 page(s), 950 record(s) in, 950 out, 0 failed");
}

}  // namespace
}  // namespace hw::test
