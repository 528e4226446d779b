// Base, source and target connections: auth validated against the chosen authSpec,
// secrets masked in every answer and encrypted at rest, JSON Patch with If-Match, and
// deletes refused while a later link of the dataflow uses the resource.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "integration/dataflow_fixture.hpp"

namespace hw::test {
namespace {

class ConnectionsTest : public DataflowTest {};

TEST_F(ConnectionsTest, PasswordIsMaskedInEveryAnswer) {
  const std::string id = create_connection();
  const auto connection = get(kConnections, id);
  const auto& params = connection.at("auth").at("params").as_object();
  EXPECT_EQ(params.at("password"), "***");
  EXPECT_EQ(params.at("username"), "ann");
  EXPECT_EQ(str(connection.at("connectionSpec"), "id"), spec_id_);
  EXPECT_EQ(connection.at("state"), "enabled");
  const auto list = client_.get(std::string(kConnections) + "?property=id==" + id);
  EXPECT_EQ(list.status, 200);
  const auto one = client_.get(join(kConnections, id));
  for (const std::string& body : {list.body, one.body})
    EXPECT_EQ(body.find(kPassword), std::string::npos) << body;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST_F(ConnectionsTest, PasswordIsEncryptedAtRestWithAPrivateKeyFile) {
  create_connection();
  ASSERT_EQ(server_.stop(), 0);  // flushes the WAL into the database file
  std::string stored;
  for (const char* file : {"/headwater.db", "/headwater.db-wal"})
    stored += read_bytes(dir_.path() + file);
  EXPECT_FALSE(stored.empty());
  EXPECT_EQ(stored.find(kPassword), std::string::npos);
  struct stat key {};
  ASSERT_EQ(::stat((dir_.path() + "/secret.key").c_str(), &key), 0);
  EXPECT_EQ(key.st_mode & 0777, 0600);
  EXPECT_EQ(key.st_size, 32);
}

TEST_F(ConnectionsTest, AuthParamsAreCheckedAgainstTheChosenAuthSpec) {
  auto body = parse_object(basic_connection(spec_id_, kPassword));
  body["auth"].as_object()["params"].as_object().erase("password");
  body["auth"].as_object()["params"].as_object()["username"] = 42;
  const auto response = client_.post(kConnections, boost::json::serialize(body));
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(response, "auth.params.password"));
  EXPECT_TRUE(has_error_at(response, "auth.params.username"));
}

TEST_F(ConnectionsTest, UnknownSpecNameListsTheChoices) {
  auto body = parse_object(basic_connection(spec_id_, kPassword));
  body["auth"].as_object()["specName"] = "Basic";
  const auto response = client_.post(kConnections, boost::json::serialize(body));
  expect_error(response, 400, "INVALID_REQUEST");
  const std::string message = error_message_at(response, "auth.specName");
  EXPECT_NE(message.find("'Basic Authentication'"), std::string::npos) << message;
  EXPECT_NE(message.find("'OAuth2 Refresh Code'"), std::string::npos) << message;
}

TEST_F(ConnectionsTest, UnknownOrMissingConnectionSpecIsNamed) {
  const auto unknown = client_.post(kConnections, basic_connection("no-such-spec", kPassword));
  expect_error(unknown, 400, "INVALID_REQUEST");
  EXPECT_NE(error_message_at(unknown, "connectionSpec.id").find("no-such-spec"), std::string::npos);
  const auto missing = client_.post(kConnections, R"({"name":"x"})");
  EXPECT_TRUE(has_error_at(missing, "connectionSpec.id"));
}

TEST_F(ConnectionsTest, PatchWithIfMatchChangesTheNameAndKeepsTheSecretMasked) {
  const std::string id = create_connection();
  const auto before = client_.get(join(kConnections, id));
  const auto response =
      patch(kConnections, id, R"([{"op":"replace","path":"/name","value":"renamed"}])",
            {{"If-Match", before.headers.at("ETag")}});
  require_status(response, 200);
  EXPECT_NE(str(response.json(), "etag"), before.headers.at("ETag"));
  const auto after = get(kConnections, id);
  EXPECT_EQ(after.at("name"), "renamed");
  EXPECT_EQ(after.at("auth").at("params").at("password"), "***");
  EXPECT_EQ(after.at("createdAt"), only_item(before).at("createdAt"));
}

TEST_F(ConnectionsTest, PatchWithAStaleEtagIs412) {
  const std::string id = create_connection();
  const auto stale = client_.get(join(kConnections, id)).headers.at("ETag");
  require_status(patch(kConnections, id, R"([{"op":"replace","path":"/name","value":"a"}])"), 200);
  expect_error(patch(kConnections, id, R"([{"op":"replace","path":"/name","value":"b"}])",
                     {{"If-Match", stale}}),
               412, "PRECONDITION_FAILED");
  EXPECT_EQ(get(kConnections, id).at("name"), "a");
}

TEST_F(ConnectionsTest, PatchThatBreaksTheAuthParamsIsRefused) {
  const std::string id = create_connection();
  const auto response =
      patch(kConnections, id, R"([{"op":"remove","path":"/auth/params/password"}])");
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(response, "auth.params.password"));
}

TEST_F(ConnectionsTest, PatchOfReadOnlyFieldsIsRefusedWithTheOperationPath) {
  const std::string id = create_connection();
  const auto response = patch(kConnections, id,
                              R"([{"op":"replace","path":"/name","value":"ok"},)"
                              R"({"op":"replace","path":"/connectionSpec/id","value":"x"},)"
                              R"({"op":"replace","path":"/id","value":"x"},)"
                              R"({"op":"replace","path":"","value":{"name":"whole"}}])");
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(response), (std::vector<std::string>{"[1].path", "[2].path", "[3].path"}));
  EXPECT_EQ(get(kConnections, id).at("name"), "MailChimp members");
}

TEST_F(ConnectionsTest, MalformedPatchOperationsAreNamed) {
  const std::string id = create_connection();
  expect_error(patch(kConnections, id, R"({"op":"replace"})"), 400, "INVALID_REQUEST");
  const auto response = patch(kConnections, id, R"([{"op":"move","path":"/name","from":"/x"}])");
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(response, "[0].op"));
}

TEST_F(ConnectionsTest, SourceParamsAreCheckedAgainstTheSourceSpec) {
  const std::string connection = create_connection();
  create_source(connection);
  const auto response = client_.post(
      kSourceConnections,
      boost::json::serialize(boost::json::object{{"name", "bad"},
                                                 {"baseConnectionId", "nope"},
                                                 {"connectionSpec", {{"id", spec_id_}}},
                                                 {"params", {{"listId", 5}}}}));
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(response, "params.listId"));
  EXPECT_TRUE(has_error_at(response, "baseConnectionId"));
}

TEST_F(ConnectionsTest, ConnectionInUseBySourceConnectionCannotBeDeleted) {
  const std::string connection = create_connection();
  const std::string source = create_source(connection);
  const auto refused = client_.del(join(kConnections, connection));
  expect_error(refused, 409, "IN_USE");
  EXPECT_EQ(error_paths(refused),
            std::vector<std::string>{"sourceConnections/" + source + ".baseConnectionId"});
  EXPECT_EQ(client_.del(join(kSourceConnections, source)).status, 204);
  EXPECT_EQ(client_.del(join(kConnections, connection)).status, 204);
  expect_error(client_.get(join(kConnections, connection)), 404, "NOT_FOUND");
}

TEST_F(ConnectionsTest, TargetConnectionNeedsAnExistingDataset) {
  const std::string dataset = create_dataset();
  const std::string target = create(kTargetConnections, target_body(dataset));
  EXPECT_EQ(str(get(kTargetConnections, target).at("params"), "dataSetId"), dataset);
  const auto missing = client_.post(kTargetConnections, target_body("no-such-dataset"));
  expect_error(missing, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(missing, "params.dataSetId"));
  auto wrong_spec = parse_object(target_body(dataset));
  wrong_spec["connectionSpec"].as_object()["id"] = spec_id_;
  EXPECT_TRUE(has_error_at(client_.post(kTargetConnections, boost::json::serialize(wrong_spec)),
                           "connectionSpec.id"));
}

TEST_F(ConnectionsTest, DatasetUsedByATargetConnectionCannotBeDeleted) {
  const std::string dataset = create_dataset();
  create(kTargetConnections, target_body(dataset));
  expect_error(client_.del(join(kDataSets, dataset)), 409, "IN_USE");
}

TEST_F(ConnectionsTest, StreamingConnectionTakesAnHmacSecretAndMasksIt) {
  const std::string spec = str(create_connection_spec(seed_streaming_body()), "id");
  const std::string id = create(
      kConnections,
      boost::json::serialize(boost::json::object{
          {"name", "webhook"},
          {"auth", {{"specName", "HMAC Authentication"}, {"params", {{"secret", kPassword}}}}},
          {"connectionSpec", {{"id", spec}, {"version", "1.0"}}}}));
  EXPECT_EQ(get(kConnections, id).at("auth").at("params").at("secret"), "***");
}

TEST_F(ConnectionsTest, AnotherOrgCannotSeeTheConnection) {
  const std::string id = create_connection();
  client_.set_org("OTHER@AdobeOrg");
  expect_error(client_.get(join(kConnections, id)), 404, "NOT_FOUND");
  expect_error(client_.del(join(kConnections, id)), 404, "NOT_FOUND");
}

}  // namespace
}  // namespace hw::test
