// `headwater sample-api`: the real binary on a free port, over real HTTP, and `headwater run`
// pulling every contact from it with the batch tutorial's spec.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/toolkit_command.hpp"
#include "sample_api/contacts.hpp"
#include "support/http_client.hpp"
#include "support/sample_api_process.hpp"
#include "util/base64.hpp"

namespace hw::test {
namespace {

using Lines = std::vector<std::string>;

const std::string kDemo = "Basic " + util::base64_encode("demo:demo-password");
const std::string kUnauthorized = R"({"error":"invalid credentials"})";

// The spec of the batch tutorial (docs/tutorial-batch.md §3).
constexpr const char* kTutorialSpec = R"({
  "name": "acme",
  "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
  "version": "1.0",
  "description": "Contacts from the Acme CRM sample API.",
  "authSpec": [
    {
      "name": "Basic Authentication",
      "type": "BasicAuthentication",
      "spec": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
          "host": {"type": "string", "description": "The API's base URL"},
          "username": {"type": "string"},
          "password": {"type": "string", "format": "password"}
        },
        "required": ["host", "username", "password"]
      }
    }
  ],
  "sourceSpec": {
    "attributes": {
      "urlParams": {"path": "/v1/contacts", "method": "GET"},
      "contentPath": {"path": "$.contacts"},
      "paginationParams": {
        "type": "OFFSET",
        "limitName": "limit",
        "limitValue": "50",
        "offSetName": "offset"
      },
      "scheduleParams": {
        "scheduleStartParamName": "updated_after",
        "scheduleEndParamName": "updated_before",
        "scheduleStartParamFormat": "yyyy-MM-ddTHH:mm:ssZ",
        "scheduleEndParamFormat": "yyyy-MM-ddTHH:mm:ssZ"
      }
    },
    "spec": {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {}
    }
  }
})";

// Contact i as one line of JSON, as the API sends it.
std::string contact_line(std::size_t i) {
  const auto c = sample_api::contact(i);
  return boost::json::serialize(boost::json::object{{"id", c.id},
                                                    {"email", c.email},
                                                    {"first_name", c.first_name},
                                                    {"last_name", c.last_name},
                                                    {"plan", c.plan},
                                                    {"updated_at", c.updated_at}});
}

Lines contact_lines(std::size_t first, std::size_t last) {
  Lines out;
  for (std::size_t i = first; i <= last; ++i) out.push_back(contact_line(i));
  return out;
}

Lines ids_of(const HttpResponse& response) {
  Lines out;
  const auto body = response.json();
  for (const auto& c : body.at("contacts").as_array()) out.emplace_back(c.at("id").as_string());
  return out;
}

// The number under `key` of the response's JSON object.
std::int64_t number_at(const HttpResponse& response, std::string_view key) {
  return response.json().at(key).to_number<std::int64_t>();
}

Lines id_range(std::size_t first, std::size_t last) {
  Lines out;
  for (std::size_t i = first; i <= last; ++i) out.push_back(sample_api::contact(i).id);
  return out;
}

class SampleApiTest : public ::testing::Test {
 protected:
  void TearDown() override {
    EXPECT_EQ(api_.stop(), 0) << api_.errors();
    EXPECT_EQ(api_.errors(), "");
  }

  HttpResponse get(const std::string& path, const std::string& authorization = kDemo) {
    return client_.get(path, {{"Authorization", authorization}});
  }

  SampleApiProcess api_{{"--port", "0"}};
  HttpClient client_{api_.base_url()};
};

TEST_F(SampleApiTest, AnnouncesWhereItListensAndWithWhichCredentials) {
  EXPECT_EQ(api_.announcement(),
            "sample API listening on http://127.0.0.1:" + std::to_string(api_.port()) +
                " (user demo, password demo-password)");
  EXPECT_EQ(api_.base_url(), "http://127.0.0.1:" + std::to_string(api_.port()));
}

TEST_F(SampleApiTest, MissingOrWrongCredentialsAre401) {
  const std::vector<std::string> refused = {
      "",  // no Authorization header at all
      "Bearer test-token",
      "Basic " + util::base64_encode("demo:wrong"),
      "Basic " + util::base64_encode("demo:demo-password-and-more"),
      "Basic " + util::base64_encode("admin:demo-password"),
      "Basic not base64!"};
  for (const char* path : {"/v1/me", "/v1/contacts", "/v1/contacts?limit=0"}) {
    for (const auto& authorization : refused) {
      const auto response = get(path, authorization);
      EXPECT_EQ(response.status, 401) << path << " " << authorization;
      EXPECT_EQ(response.body, kUnauthorized);
      EXPECT_EQ(response.headers.at("WWW-Authenticate"), "Basic realm=\"sample\"");
      EXPECT_EQ(response.headers.at("Content-Type"), "application/json");
    }
  }
}

TEST_F(SampleApiTest, MeNamesTheUser) {
  const auto response = get("/v1/me");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"user":"demo"})");
  EXPECT_EQ(response.headers.at("Content-Type"), "application/json");
}

TEST_F(SampleApiTest, PagesAreExactSlices) {
  auto response = get("/v1/contacts?limit=1");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body,
            R"({"contacts":[{"id":"c-0001","email":"contact1@example.com","first_name":"Ada",)"
            R"("last_name":"Lovelace","plan":"free","updated_at":"2024-01-01T00:00:00Z"}],)"
            R"("offset":0,"limit":1,"total":120})");
  response = get("/v1/contacts");
  EXPECT_EQ(ids_of(response), id_range(1, 50));
  EXPECT_EQ(number_at(response, "limit"), 50);
  response = get("/v1/contacts?offset=50&limit=50");
  EXPECT_EQ(ids_of(response), id_range(51, 100));
  response = get("/v1/contacts?offset=100&limit=50");
  EXPECT_EQ(ids_of(response), id_range(101, 120));
  EXPECT_EQ(number_at(response, "offset"), 100);
  EXPECT_EQ(number_at(response, "total"), 120);
  response = get("/v1/contacts?offset=120&limit=100");
  EXPECT_EQ(response.body, R"({"contacts":[],"offset":120,"limit":100,"total":120})");
}

TEST_F(SampleApiTest, FiltersCountWhatTheyKeep) {
  // As the engine sends them: colons percent-encoded.
  auto response = get(
      "/v1/contacts?updated_after=2024-01-02T00%3A00%3A00Z&updated_before=2024-01-03T00:00:00Z");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(number_at(response, "total"), 24);
  EXPECT_EQ(ids_of(response), id_range(25, 48));
  response = get("/v1/contacts?updated_after=2024-01-05T00:00:00Z&offset=20&limit=10");
  EXPECT_EQ(number_at(response, "total"), 24);
  EXPECT_EQ(ids_of(response), id_range(117, 120));
  response = get("/v1/contacts?updated_before=2024-01-01T05:00:01Z");
  EXPECT_EQ(number_at(response, "total"), 6);
  EXPECT_EQ(ids_of(response), id_range(1, 6));
}

TEST_F(SampleApiTest, BadParametersAre400WithTheirName) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit=0", "limit: must be a whole number from 1 to 100"},
      {"limit=abc", "limit: must be a whole number from 1 to 100"},
      {"offset=-1", "offset: must be a whole number from 0 to 1000000000"},
      {"offset=1&offset=2", "offset: given more than once"},
      {"updated_after=2024-01-02",
       "updated_after: must be a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-01-01T00:00:00Z"},
      {"updated_before=2024-02-30T00:00:00Z",
       "updated_before: must be a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-01-01T00:00:00Z"}};
  for (const auto& [query, message] : cases) {
    const auto response = get("/v1/contacts?" + query);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_EQ(response.json(), boost::json::value(boost::json::object{{"error", message}}))
        << query;
  }
}

TEST_F(SampleApiTest, UnknownPathsAre404AndOtherMethods405) {
  auto response = get("/v1/nothing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(number_at(response, "status"), 404);
  response = client_.post("/v1/contacts", "{}", {{"Authorization", kDemo}});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers.at("Allow"), "GET");
  EXPECT_EQ(number_at(response, "status"), 405);
}

TEST(SampleApiCommandTest, ContactsSetsHowManyThereAre) {
  SampleApiProcess api({"--port", "0", "--contacts", "7"});
  HttpClient client(api.base_url());
  const auto response = client.get("/v1/contacts", {{"Authorization", kDemo}});
  EXPECT_EQ(ids_of(response), id_range(1, 7));
  EXPECT_EQ(number_at(response, "total"), 7);
  EXPECT_EQ(api.stop(SIGINT), 0);
}

TEST(SampleApiCommandTest, PortComesFromTheEnvironment) {
  SampleApiProcess api({}, {"HEADWATER_SAMPLE_API_PORT=0"});
  EXPECT_NE(api.port(), 9090);  // 0 from the environment, not the default
  EXPECT_EQ(HttpClient(api.base_url()).get("/v1/me", {{"Authorization", kDemo}}).status, 200);
  EXPECT_EQ(api.stop(), 0);
}

TEST(SampleApiCommandTest, ABusyPortIsNamed) {
  SampleApiProcess first({"--port", "0"});
  const std::string port = std::to_string(first.port());
  TempDir cwd;
  const auto second =
      run_headwater({"sample-api", "--port", port}, cwd.path(), std::chrono::seconds(20));
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.out, "");
  const std::string start = "headwater: sample-api: cannot listen on 127.0.0.1:" + port + ": ";
  EXPECT_EQ(second.err.rfind(start, 0), 0u) << second.err;
  EXPECT_TRUE(second.err.ends_with("(choose another --port, or --port 0 for a free one)\n"))
      << second.err;
  EXPECT_EQ(first.stop(), 0);
}

TEST(SampleApiCommandTest, ABindThatIsNotAnAddressIsNamed) {
  TempDir cwd;
  const auto result = run_headwater({"sample-api", "--bind", "nowhere", "--port", "0"}, cwd.path(),
                                    std::chrono::seconds(20));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "headwater: sample-api: cannot listen on nowhere:0: Invalid argument (--bind takes an "
            "IP address of this machine, such as 127.0.0.1 or 0.0.0.0)\n");
}

TEST(SampleApiCommandTest, OutOfRangeOptionsAreRefused) {
  TempDir cwd;
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"sample-api", "--contacts", "0"},
                                             {"sample-api", "--contacts", "100001"},
                                             {"sample-api", "--port", "65536"}}) {
    const auto result = run_headwater(args, cwd.path(), std::chrono::seconds(20));
    EXPECT_NE(result.exit_code, 0) << args.back();
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find(args[1] == "--port" ? "--port" : "--contacts"), std::string::npos)
        << result.err;
  }
}

class SampleApiRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_text(dir_.path() + "/spec.json", kTutorialSpec);
    write_text(
        dir_.path() + "/auth.json",
        boost::json::serialize(boost::json::object{
            {"specName", "Basic Authentication"},
            {"params",
             {{"host", api_.base_url()}, {"username", "demo"}, {"password", "demo-password"}}}}));
    write_text(dir_.path() + "/params.json", "{}");
  }
  void TearDown() override { EXPECT_EQ(api_.stop(), 0) << api_.errors(); }

  CommandResult run(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run",       "--spec",   "spec.json",  "--auth",
                                     "auth.json", "--params", "params.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_headwater(args, dir_.path());
  }

  SampleApiProcess api_{{"--port", "0"}};
  TempDir dir_;
};

TEST_F(SampleApiRunTest, AWindowCoveringAllPullsEveryContact) {
  const auto result = run({"--end", "2100-01-01T00:00:00Z"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(lines_of(result.out), contact_lines(1, 120));
  EXPECT_EQ(lines_of(result.out).front(),
            R"({"id":"c-0001","email":"contact1@example.com","first_name":"Ada",)"
            R"("last_name":"Lovelace","plan":"free","updated_at":"2024-01-01T00:00:00Z"})");
  EXPECT_EQ(run().out, result.out);  // the default window, [Unix epoch, now), covers all too
}

TEST_F(SampleApiRunTest, ANarrowWindowPullsOnlyItsContacts) {
  auto result = run({"--start", "2024-01-02", "--end", "2024-01-03"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out), contact_lines(25, 48));
  result = run({"--start", "2024-01-01T10:30:00Z", "--end", "2024-01-01T20:00:00Z"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.out), contact_lines(12, 20));
}

TEST_F(SampleApiRunTest, AWrongPasswordStopsTheRun) {
  write_text(dir_.path() + "/auth.json",
             R"({"specName": "Basic Authentication", "params": {"host": ")" + api_.base_url() +
                 R"(", "username": "demo", "password": "wrong"}})");
  const auto result = run();
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(
      result.err.rfind("headwater run: UPSTREAM_401: GET " + api_.base_url() + "/v1/contacts?", 0),
      0u)
      << result.err;
  EXPECT_EQ(result.err.find("wrong"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace hw::test
