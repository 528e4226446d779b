#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connection/resources.hpp"
#include "http/error.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/server_process.hpp"

namespace hw::connection {
namespace {

// The sealed half of a connection, which no HTTP answer shows: what PATCH keeps,
// replaces or restores.
class ParamsResourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    specs.ensure_builtins(caller.scope);
    const auto doc = boost::json::parse(test::extract_curl_body(
        test::read_file(test::shared_path("reference/adobe-docs/api__connection-specs.md"))));
    spec_id = std::string(specs.create_connection_spec(caller, doc).at("id").as_string());
    id = resources.connections.create(caller, connection("first-password")).id;
  }

  boost::json::object connection(std::string_view password) const {
    return boost::json::parse(R"({"name":"c","auth":{"specName":"Basic Authentication","params":)"
                              R"({"host":"h","username":"u","password":")" +
                              std::string(password) + R"("}},"connectionSpec":{"id":")" + spec_id +
                              R"("}})")
        .as_object();
  }

  std::string password() const {
    return std::string(resources.connections.unsealed(caller.scope, id)
                           .at("auth")
                           .at("params")
                           .at("password")
                           .as_string());
  }

  void apply(std::string_view ops) {
    resources.connections.patch(caller, id, boost::json::parse(ops), std::nullopt);
  }

  test::TempDir dir;
  std::unique_ptr<store::Store> store = store::open_sqlite_store(dir.path());
  crypto::SecretBox box = crypto::SecretBox::open_or_create(dir.path() + "/secret.key");
  spec::SpecRegistry specs{*store};
  Resources resources{*store, box, specs};
  resource::Caller caller{{"ORG@AdobeOrg", "prod"}, "user@AdobeID", "client"};
  std::string spec_id, id;
};

TEST_F(ParamsResourceTest, StoredBodyIsMaskedAndTheSecretUnseals) {
  const auto stored = store->get("connections", caller.scope, id);
  EXPECT_EQ(stored->body.find("first-password"), std::string::npos);
  ASSERT_TRUE(stored->secret);
  EXPECT_EQ(stored->secret->find("first-password"), std::string::npos);
  EXPECT_EQ(password(), "first-password");
}

TEST_F(ParamsResourceTest, PatchThatLeavesTheSecretAloneKeepsIt) {
  apply(R"([{"op":"replace","path":"/name","value":"renamed"}])");
  EXPECT_EQ(password(), "first-password");
}

TEST_F(ParamsResourceTest, PatchThatEchoesTheMaskKeepsTheSecret) {
  apply(
      R"([{"op":"replace","path":"/auth/params","value":{"host":"h2","username":"u","password":"***"}}])");
  EXPECT_EQ(password(), "first-password");
}

TEST_F(ParamsResourceTest, PatchThatSetsANewSecretReplacesIt) {
  apply(R"([{"op":"replace","path":"/auth/params/password","value":"second-password"}])");
  EXPECT_EQ(password(), "second-password");
}

TEST_F(ParamsResourceTest, ASecretSealedForOneConnectionDoesNotOpenForAnother) {
  const std::string other = resources.connections.create(caller, connection("other-password")).id;
  auto stolen = *store->get("connections", caller.scope, id);
  auto victim = *store->get("connections", caller.scope, other);
  victim.secret = stolen.secret;
  store->replace("connections", caller.scope, victim, std::nullopt);
  EXPECT_THROW(resources.connections.unsealed(caller.scope, other), std::runtime_error);
}

TEST_F(ParamsResourceTest, SetStateKeepsTheSecretAndHonoursIfMatch) {
  const auto before = *store->get("connections", caller.scope, id);
  const auto written = resources.connections.set_state(caller, id, "disabled", std::nullopt);
  const auto after = *store->get("connections", caller.scope, id);
  EXPECT_EQ(boost::json::parse(after.body).at("state"), "disabled");
  EXPECT_EQ(written.etag, "\"" + after.etag + "\"");
  EXPECT_EQ(password(), "first-password");
  EXPECT_THROW(resources.connections.set_state(caller, id, "enabled", before.etag), http::ApiError);
  EXPECT_EQ(boost::json::parse(store->get("connections", caller.scope, id)->body).at("state"),
            "disabled");
}

TEST_F(ParamsResourceTest, RenewedParamsAreSealedBesideTheSecretsSealedBefore) {
  const auto before = *store->get("connections", caller.scope, id);
  resources.connections.keep_renewed(
      caller, id, {{"accessToken", "token-2"}, {"expirationDate", "2030-01-01"}}, {"accessToken"});
  const auto after = *store->get("connections", caller.scope, id);
  EXPECT_NE(after.etag, before.etag);
  EXPECT_EQ(after.body.find("token-2"), std::string::npos);
  const auto shown = boost::json::parse(after.body).at("auth").at("params");
  EXPECT_EQ(shown.at("accessToken"), "***");
  EXPECT_EQ(shown.at("password"), "***");
  EXPECT_EQ(shown.at("expirationDate"), "2030-01-01");
  // A later renewal that names no secret keeps every sealed param sealed.
  resources.connections.keep_renewed(caller, id, {{"expirationDate", "2031-01-01"}}, {});
  const auto unsealed = resources.connections.unsealed(caller.scope, id).at("auth").at("params");
  EXPECT_EQ(unsealed.at("accessToken"), "token-2");
  EXPECT_EQ(unsealed.at("password"), "first-password");
  EXPECT_EQ(unsealed.at("expirationDate"), "2031-01-01");
  EXPECT_EQ(store->get("connections", caller.scope, id)->body.find("token-2"), std::string::npos);
}

}  // namespace
}  // namespace hw::connection
