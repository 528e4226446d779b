// `headwater run`: the docs' MailChimp spec pulled once from the mock upstream with no server
// and no store, records as JSON Lines on stdout, problems on stderr with a non-zero exit.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/spec_api_fixture.hpp"
#include "integration/terminal_command.hpp"
#include "integration/toolkit_command.hpp"
#include "support/mock_timestamp.hpp"
#include "support/mock_upstream.hpp"
#include "util/regex.hpp"

namespace hw::test {
namespace {

using Lines = std::vector<std::string>;

// The members page of the window [2023-11-14T22:13:20Z, 22:23:20Z), as the spec asks for it.
const std::string kWindowPage =
    "/3.0/lists/abc123/members?since_last_changed=2023-11-14T22%3A13%3A20%3A0000000Z&"
    "before_last_changed=2023-11-14T22%3A23%3A20%3A0000000Z";
const std::string kFirstPage = "&count=100&offset=0";
// The rest of the line when the mock refuses the credentials.
const std::string kUnauthorized =
    " answered 401: {\"title\":\"API Key Invalid\",\"status\":401,\"detail\":\"Your request did "
    "not include an API key.\"}\n";

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_json("spec.json", parse_object(mailchimp_create_body()));
    write_auth("Basic Authentication", {{"username", "ann"}, {"password", "s3cret"}});
    write_json("params.json", {{"listId", "abc123"}});
  }

  void write_json(const std::string& name, const boost::json::object& o) {
    write_text(dir_.path() + "/" + name, boost::json::serialize(o));
  }
  void write_auth(std::string_view spec_name, boost::json::object params) {
    params["host"] = upstream_.base_url();
    write_json("auth.json", {{"specName", spec_name}, {"params", std::move(params)}});
  }

  static std::vector<std::string> run_args(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run",       "--spec",   "spec.json",  "--auth",
                                     "auth.json", "--params", "params.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  CommandResult run(std::vector<std::string> extra = {}) {
    return run_headwater(run_args(std::move(extra)), dir_.path());
  }

  // Member i as the mock sends it, one line of compact JSON.
  std::string member_line(std::size_t i) const {
    const auto& r = upstream_.records().at(i);
    const std::string n = std::to_string(i);
    return boost::json::serialize(
        boost::json::object{{"id", r.id},
                            {"email_address", r.email},
                            {"status", r.status},
                            {"list_id", "abc123"},
                            {"last_changed", mock::format_timestamp(r.last_changed_ms)},
                            {"merge_fields", {{"FNAME", "First" + n}, {"LNAME", "Last" + n}}}});
  }
  Lines members(std::size_t first, std::size_t end) const {
    Lines out;
    for (std::size_t i = first; i < end; ++i) out.push_back(member_line(i));
    return out;
  }

  MockUpstream upstream_;
  TempDir dir_;
};

TEST_F(RunCommandTest, EveryRecordOfEveryPageLandsOnStdout) {
  const auto result = run();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(lines_of(result.out), members(0, 250));
  // count=100 pages: 100, 100, 50.
  EXPECT_EQ(upstream_.requests().size(), 3u);
}

TEST_F(RunCommandTest, TheWindowIsSentInTheSpecsFormat) {
  const auto result =
      run({"--start", "2023-11-14T22:13:20Z", "--end", "1700000600"});  // 10 minutes later
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out), members(0, 10));
  ASSERT_EQ(upstream_.requests().size(), 1u);
  const std::string target = upstream_.requests()[0].target;  // requests() returns a copy
  EXPECT_NE(target.find("since_last_changed=2023-11-14T22%3A13%3A20%3A0000000Z"), std::string::npos)
      << target;
  EXPECT_NE(target.find("before_last_changed=2023-11-14T22%3A23%3A20%3A0000000Z"),
            std::string::npos)
      << target;
}

TEST_F(RunCommandTest, LimitStopsAfterThatManyRecords) {
  const auto result = run({"--limit", "5"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out), members(0, 5));
  EXPECT_NE(run({"--limit", "0"}).exit_code, 0);
}

TEST_F(RunCommandTest, AFailedPageNamesItsUrlWithoutTheSecret) {
  write_json("spec.json", mailchimp_with_api_key());
  write_auth("API Key", {{"apikey", "wrong-key-42"}});
  const auto result = run({"--start", "2023-11-14T22:13:20Z", "--end", "2023-11-14T22:23:20Z"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "headwater run: UPSTREAM_401: GET " + upstream_.base_url() + kWindowPage +
                            "&apikey=***" + kFirstPage + kUnauthorized);
  ASSERT_EQ(upstream_.requests().size(), 1u);
  const std::string sent = upstream_.requests()[0].target;  // requests() returns a copy
  EXPECT_NE(sent.find("apikey=wrong-key-42"), std::string::npos) << sent;
}

TEST_F(RunCommandTest, AWrongPasswordFailsAndSaysWhyWithoutThePassword) {
  write_auth("Basic Authentication", {{"username", "ann"}, {"password", "nope"}});
  const auto result = run({"--start", "2023-11-14T22:13:20Z", "--end", "2023-11-14T22:23:20Z"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "headwater run: UPSTREAM_401: GET " + upstream_.base_url() + kWindowPage +
                            kFirstPage + kUnauthorized);
}

TEST_F(RunCommandTest, StderrKeepsAProgressLineOnATerminal) {
  const auto result = run_headwater_on_terminal(run_args(), dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out), members(0, 250));
  // Redrawn in place ("\r…\x1b[K") while records come, then the totals on a line of their own.
  EXPECT_TRUE(std::regex_match(result.err,
                               std::regex(R"((\r\d+ pages?, \d+ records?, \d+ records/s\x1b\[K)*)"
                                          R"(\r3 pages, 250 records, \d+ records/s\x1b\[K\n)")))
      << result.err;
}

TEST_F(RunCommandTest, OnATerminalAFailureGetsALineOfItsOwn) {
  write_auth("Basic Authentication", {{"username", "ann"}, {"password", "nope"}});
  const auto result = run_headwater_on_terminal(
      run_args({"--start", "2023-11-14T22:13:20Z", "--end", "2023-11-14T22:23:20Z"}), dir_.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "\r0 pages, 0 records, 0 records/s\x1b[K\nheadwater run: UPSTREAM_401: GET " +
                upstream_.base_url() + kWindowPage + kFirstPage + kUnauthorized);
}

TEST_F(RunCommandTest, AnInvalidSpecIsReportedAsTheServerWouldAndNothingIsFetched) {
  write_json("spec.json", mailchimp_without_offset_name());
  const auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("spec.json:" + std::string(kOffSetNamePath) + ": ", 0), 0u)
      << result.err;
  EXPECT_TRUE(upstream_.requests().empty());
}

TEST_F(RunCommandTest, AuthAndParamsAreCheckedAgainstTheirSchemas) {
  write_json("params.json", {{"listId", 5}});
  auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "params.json:listId: must be a string, not a number\n");

  write_json("auth.json", {{"params", {{"host", upstream_.base_url()}}}});
  result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "auth.json:specName: choose how to authenticate: specName is one of 'OAuth2 Refresh "
            "Code', 'Basic Authentication'\n");

  write_text(dir_.path() + "/auth.json", "{\"specName\": ");
  result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err.rfind("auth.json:$: line 1, column ", 0), 0u) << result.err;
  EXPECT_TRUE(upstream_.requests().empty());
}

TEST_F(RunCommandTest, OnlyBatchSpecsRunAndWindowsMustBeOpen) {
  write_text(dir_.path() + "/spec.json", seed_streaming_body());
  auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "spec.json:$: is not a batch source (it has no sourceSpec.attributes.urlParams, or it "
            "is a streaming spec, which receives events instead of reading them)\n");

  write_json("spec.json", parse_object(mailchimp_create_body()));
  result = run({"--start", "2024-01-01", "--end", "2023-01-01"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "headwater run: the window is empty: --start must be before --end (or now)\n");
  result = run({"--start", "last tuesday"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "headwater run: 'last tuesday' is not a time: give epoch seconds, a date (2024-01-31) "
            "or a time with its zone (2024-01-31T12:00:00Z)\n");
  EXPECT_TRUE(upstream_.requests().empty());
}

TEST_F(RunCommandTest, RecordsTheSpecsSchemaRejectsAreListedAndFailTheRun) {
  upstream_.set_records(3);
  auto spec = parse_object(mailchimp_create_body());
  spec["sourceSpec"].as_object()["schema"] = boost::json::parse(R"({"properties": {"members": {
      "items": {"properties": {"status": {"const": "unsubscribed"}}}}}})");
  write_json("spec.json", spec);
  const auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "record 0 failed (SCHEMA_VIOLATION): $.status: must be \"unsubscribed\"\n"
            "record 1 failed (SCHEMA_VIOLATION): $.status: must be \"unsubscribed\"\n"
            "record 2 failed (SCHEMA_VIOLATION): $.status: must be \"unsubscribed\"\n"
            "headwater run: 3 record(s) failed the spec's checks\n");
}

}  // namespace
}  // namespace hw::test
