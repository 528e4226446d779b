// Every resource belongs to one (org, sandbox): another org or sandbox never sees or
// changes it, and each starts with its own built-ins. Also the configured-token mode.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <string>
#include <utility>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kOrgA = "ORGA@AdobeOrg";
constexpr std::string_view kOrgB = "ORGB@AdobeOrg";

class IsolationTest : public ServerTest {
 protected:
  // A second client of the same server in another org or sandbox.
  HttpClient client_in(std::string_view org, std::string_view sandbox = "prod") {
    HttpClient other(server_.base_url());
    other.set_org(std::string(org));
    other.set_sandbox(std::string(sandbox));
    return other;
  }

  // Org A's spec, made in prod.
  std::string create_in_org_a() {
    client_.set_org(std::string(kOrgA));
    return str(create_connection_spec(mailchimp_create_body()), "id");
  }
};

std::set<std::string> listed_ids(HttpClient& client, std::string_view base) {
  const auto list = require_status(client.get(std::string(base) + "?limit=1000"), 200);
  return ids_of(list.json().at("items").as_array());
}

// Another scope cannot read, list, replace or delete the spec.
void expect_invisible(HttpClient& other, const std::string& id) {
  expect_error(other.get(connection_spec_path(id)), 404, "NOT_FOUND");
  EXPECT_FALSE(listed_ids(other, kConnectionSpecs).contains(id));
  EXPECT_EQ(other.put(connection_spec_path(id), mailchimp_create_body()).status, 404);
  EXPECT_EQ(other.del(connection_spec_path(id)).status, 404);
}

// Exactly the built-ins, each readable by its fixed id.
void expect_only_builtins(HttpClient& client) {
  EXPECT_EQ(
      listed_ids(client, kConnectionSpecs),
      (std::set<std::string>{std::string(kGenericRestSpec), std::string(kGenericStreamingSpec),
                             std::string(kDataLakeSpec)}));
  EXPECT_EQ(
      listed_ids(client, kFlowSpecs),
      (std::set<std::string>{std::string(kRestStorageToAep), std::string(kGenericStreamingAep)}));
  for (const auto id : {kGenericRestSpec, kGenericStreamingSpec, kDataLakeSpec})
    EXPECT_EQ(client.get(connection_spec_path(id)).status, 200) << id;
  for (const auto id : {kRestStorageToAep, kGenericStreamingAep})
    EXPECT_EQ(client.get(flow_spec_path(id)).status, 200) << id;
}

TEST_F(IsolationTest, AnotherOrgNeitherSeesNorChangesTheSpec) {
  const std::string id = create_in_org_a();
  auto org_b = client_in(kOrgB);
  expect_invisible(org_b, id);
  EXPECT_EQ(client_.get(connection_spec_path(id)).status, 200);
}

TEST_F(IsolationTest, AnotherSandboxOfTheSameOrgDoesNotSeeTheSpec) {
  const std::string id = create_in_org_a();
  auto dev = client_in(kOrgA, "dev");
  expect_invisible(dev, id);
  EXPECT_EQ(client_.get(connection_spec_path(id)).status, 200);
}

TEST_F(IsolationTest, EveryScopeStartsWithTheBuiltIns) {
  create_in_org_a();
  for (auto [org, sandbox] : {std::pair{kOrgB, "prod"}, std::pair{kOrgA, "dev"}}) {
    auto other = client_in(org, sandbox);
    expect_only_builtins(other);
  }
}

TEST_F(IsolationTest, EditingABuiltInFlowSpecStaysInItsScope) {
  const std::string id = create_in_org_a();
  require_status(add_source(kRestStorageToAep, id), 200);
  auto org_b = client_in(kOrgB);
  const auto theirs = only_item(require_status(org_b.get(flow_spec_path(kRestStorageToAep)), 200));
  EXPECT_EQ(theirs.at("sourceConnectionSpecIds"), boost::json::array{kGenericRestSpec});
  EXPECT_EQ(str(theirs, "imsOrgId"), kOrgB);
}

TEST_F(IsolationTest, AnotherOrgCannotListTheSpecInItsFlowSpec) {
  const std::string id = create_in_org_a();
  auto org_b = client_in(kOrgB);
  const auto original = require_status(org_b.get(flow_spec_path(kRestStorageToAep)), 200);
  auto spec = only_item(original);
  spec["sourceConnectionSpecIds"].as_array().emplace_back(id);
  const auto response = org_b.put(flow_spec_path(kRestStorageToAep), boost::json::serialize(spec));
  expect_error(response, 400, "INVALID_SPEC");
  EXPECT_TRUE(has_error_at(response, "sourceConnectionSpecIds[1]"));
}

// A deployment with credentials: only the tokens listed for an org are accepted for it.
class ConfiguredTokensTest : public ::testing::Test {
 protected:
  static std::string write_config(const TempDir& dir) {
    const std::string path = dir.path() + "/headwater.json";
    std::ofstream(path) << R"({"orgs":{"ORGA@AdobeOrg":{"tokens":["tok-a"]}}})";
    return path;
  }

  HttpResponse get_as(std::string_view org, std::string_view token) {
    client_.set_org(std::string(org));
    return client_.get(kConnectionSpecs, {{"Authorization", "Bearer " + std::string(token)}});
  }

  TempDir dir_;
  ServerProcess server_{dir_.path(), {"--config", write_config(dir_)}};
  HttpClient client_{server_.base_url()};
};

TEST_F(ConfiguredTokensTest, TheOrgsTokenIsAccepted) {
  EXPECT_EQ(get_as(kOrgA, "tok-a").status, 200);
}

TEST_F(ConfiguredTokensTest, AnyOtherTokenIs401) {
  expect_error(get_as(kOrgA, "test-token"), 401, "UNAUTHORIZED");
  expect_error(get_as(kOrgA, "tok-a-but-longer"), 401, "UNAUTHORIZED");
}

TEST_F(ConfiguredTokensTest, TheTokenIsNotAcceptedForAnotherOrg) {
  expect_error(get_as(kOrgB, "tok-a"), 401, "UNAUTHORIZED");
}

TEST_F(ConfiguredTokensTest, HealthNeedsNoToken) {
  const auto response = client_.get("/health", without_adobe_headers());
  EXPECT_EQ(response.status, 200) << response.body;
}

}  // namespace
}  // namespace hw::test
