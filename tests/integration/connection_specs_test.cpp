// /connectionSpecs through the real binary: the documented requests replayed verbatim,
// replacement with etags, the validate extension, and the rules that guard deletion.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>

#include "integration/spec_api_fixture.hpp"
#include "store/sqlite_store.hpp"

namespace hw::test {
namespace {

class ConnectionSpecsTest : public ServerTest {
 protected:
  HttpResponse validate(const boost::json::object& spec) {
    return client_.post(std::string(kConnectionSpecs) + "/validate", boost::json::serialize(spec));
  }

  // Removes `id` from RestStorageToAEP's sources again.
  HttpResponse remove_source(std::string_view id) {
    return edit_flow_spec(kRestStorageToAep, [&](boost::json::object& spec) {
      auto& ids = spec["sourceConnectionSpecIds"].as_array();
      ids.erase(std::remove(ids.begin(), ids.end(), boost::json::value(id)), ids.end());
    });
  }
};

TEST_F(ConnectionSpecsTest, SeedRequestIsStoredAndReadBack) {
  const auto created = create_connection_spec(seed_streaming_body());
  // The seed repeats name, type, providerId and version; equal values either way, and the
  // last occurrence is the one kept.
  EXPECT_EQ(created.at("name"), "generic-streaming");
  EXPECT_EQ(created.at("type"), "generic-streaming");
  EXPECT_EQ(created.at("providerId"), "521eee4d-8cbe-4906-bb48-fb6bd4450033");
  EXPECT_EQ(created.at("version"), "1.0");

  const auto response = client_.get(connection_spec_path(str(created, "id")));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(only_item(response), created);
  EXPECT_EQ(response.headers.at("ETag"), str(created, "etag"));
}

TEST_F(ConnectionSpecsTest, CreateAnswersTheStoredObjectWithItsMetadata) {
  const auto response = client_.post(kConnectionSpecs, mailchimp_create_body());
  ASSERT_EQ(response.status, 201) << response.body;
  const auto created = response.json().as_object();
  const std::string id = str(created, "id");
  EXPECT_EQ(response.headers.at("Location"), connection_spec_path(id));
  EXPECT_EQ(response.headers.at("ETag"), str(created, "etag"));
  EXPECT_EQ(created.at("name"), "MailChimp source");
  EXPECT_EQ(created.at("createdAt"), created.at("updatedAt"));
  EXPECT_EQ(created.at("createdClient"), "test-client");
  EXPECT_EQ(created.at("updatedClient"), "test-client");
  EXPECT_EQ(created.at("sandboxName"), "prod");
  EXPECT_EQ(created.at("imsOrgId"), "TESTORG@AdobeOrg");
  EXPECT_FALSE(str(created, "sandboxId").empty());
  EXPECT_EQ(created.at("createdBy"), created.at("updatedBy"));
  // Who made it is recorded, but never as the bearer token itself.
  EXPECT_EQ(str(created, "createdBy").find("test-token"), std::string::npos);
  const std::string etag = str(created, "etag");
  ASSERT_GE(etag.size(), 3U);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
}

TEST_F(ConnectionSpecsTest, ClientSentMetadataIsIgnored) {
  auto spec = parse_object(mailchimp_create_body());
  spec["id"] = "my-own-id";
  spec["createdAt"] = 1;
  spec["imsOrgId"] = "OTHER@AdobeOrg";
  spec["etag"] = "\"forged\"";
  const auto created = create_connection_spec(boost::json::serialize(spec));
  EXPECT_NE(created.at("id"), "my-own-id");
  EXPECT_GT(created.at("createdAt").to_number<long long>(), 1);
  EXPECT_EQ(created.at("imsOrgId"), "TESTORG@AdobeOrg");
  EXPECT_NE(created.at("etag"), "\"forged\"");
  EXPECT_EQ(client_.get(connection_spec_path("my-own-id")).status, 404);
}

TEST_F(ConnectionSpecsTest, DocumentedUpdateReplacesTheSpec) {
  const auto created = create_connection_spec(mailchimp_create_body());
  const std::string id = str(created, "id");
  const auto response = client_.put(connection_spec_path(id), mailchimp_update_body(),
                                    {{"If-Match", str(created, "etag")}});
  ASSERT_EQ(response.status, 200) << response.body;
  const auto updated = response.json().as_object();
  EXPECT_EQ(updated.at("name"), "MailChimp source update 1.0");
  EXPECT_EQ(str(updated, "id"), id);
  EXPECT_EQ(updated.at("createdAt"), created.at("createdAt"));
  EXPECT_GE(updated.at("updatedAt").to_number<long long>(),
            created.at("updatedAt").to_number<long long>());
  EXPECT_NE(updated.at("etag"), created.at("etag"));
  EXPECT_EQ(response.headers.at("ETag"), str(updated, "etag"));
  EXPECT_EQ(get_connection_spec(id), updated);
}

TEST_F(ConnectionSpecsTest, IfMatchWithoutQuotesIsAccepted) {
  const auto created = create_connection_spec(mailchimp_create_body());
  std::string bare = str(created, "etag");
  bare = bare.substr(1, bare.size() - 2);
  const auto response = client_.put(connection_spec_path(str(created, "id")),
                                    mailchimp_update_body(), {{"If-Match", bare}});
  EXPECT_EQ(response.status, 200) << response.body;
}

TEST_F(ConnectionSpecsTest, StaleIfMatchIsRefusedAndChangesNothing) {
  const auto created = create_connection_spec(mailchimp_create_body());
  const std::string id = str(created, "id");
  const auto first =
      require_status(client_.put(connection_spec_path(id), mailchimp_update_body()), 200);
  const auto stale = client_.put(connection_spec_path(id), mailchimp_named("lost update"),
                                 {{"If-Match", str(created, "etag")}});
  expect_error(stale, 412, "PRECONDITION_FAILED");
  EXPECT_EQ(get_connection_spec(id), first.json());
}

TEST_F(ConnectionSpecsTest, PutReplacesTheWholeDocument) {
  const auto created = create_connection_spec(mailchimp_create_body());
  auto replacement = parse_object(mailchimp_update_body());
  erase_at(replacement, {"description"});
  const std::string id = str(created, "id");
  require_status(client_.put(connection_spec_path(id), boost::json::serialize(replacement)), 200);
  EXPECT_FALSE(get_connection_spec(id).contains("description"));
}

TEST_F(ConnectionSpecsTest, ValidateAcceptsTheDocumentedSpecAndStoresNothing) {
  const long before = connection_spec_count();
  const auto response = validate(parse_object(mailchimp_create_body()));
  ASSERT_EQ(response.status, 200) << response.body;
  const auto report = response.json().as_object();
  EXPECT_EQ(report.at("valid"), true);
  EXPECT_TRUE(report.at("errors").as_array().empty()) << response.body;
  EXPECT_TRUE(report.at("warnings").is_array());
  EXPECT_EQ(connection_spec_count(), before);
}

TEST_F(ConnectionSpecsTest, ValidateNamesTheMissingOffSetNameAndStoresNothing) {
  const long before = connection_spec_count();
  const auto response = validate(mailchimp_without_offset_name());
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json().at("valid"), false);
  EXPECT_TRUE(has_error_at(response, kOffSetNamePath));
  EXPECT_EQ(connection_spec_count(), before);
}

TEST_F(ConnectionSpecsTest, InvalidPostReportsEveryProblemAtOnce) {
  auto spec = mailchimp_without_offset_name();
  erase_at(spec, {"sourceSpec", "attributes", "urlParams", "path"});
  spec["sourceSpec"].as_object()["attributes"].as_object()["urlParams"].as_object()["method"] =
      "PUT";
  const long before = connection_spec_count();
  const auto response = client_.post(kConnectionSpecs, boost::json::serialize(spec));
  expect_error(response, 400, "INVALID_SPEC");
  EXPECT_TRUE(has_error_at(response, kOffSetNamePath));
  EXPECT_TRUE(has_error_at(response, "sourceSpec.attributes.urlParams.path"));
  EXPECT_TRUE(has_error_at(response, "sourceSpec.attributes.urlParams.method"));
  EXPECT_EQ(connection_spec_count(), before);
}

TEST_F(ConnectionSpecsTest, InvalidPutIsRefusedAndKeepsTheSpec) {
  const auto created = create_connection_spec(mailchimp_create_body());
  const std::string id = str(created, "id");
  const auto response = client_.put(connection_spec_path(id),
                                    boost::json::serialize(mailchimp_without_offset_name()));
  expect_error(response, 400, "INVALID_SPEC");
  EXPECT_TRUE(has_error_at(response, kOffSetNamePath));
  EXPECT_EQ(get_connection_spec(id), created);
}

TEST_F(ConnectionSpecsTest, DeleteOfAnUnknownIdIs404) {
  expect_error(client_.del(connection_spec_path("00000000-0000-4000-8000-000000000000")), 404,
               "NOT_FOUND");
}

TEST_F(ConnectionSpecsTest, BuiltInsCannotBeDeletedOrReplaced) {
  for (const auto id : {kGenericRestSpec, kGenericStreamingSpec, kDataLakeSpec}) {
    expect_error(client_.del(connection_spec_path(id)), 409, "BUILTIN_READ_ONLY");
    expect_error(client_.put(connection_spec_path(id), mailchimp_create_body()), 409,
                 "BUILTIN_READ_ONLY");
    EXPECT_EQ(client_.get(connection_spec_path(id)).status, 200) << id;
  }
}

TEST_F(ConnectionSpecsTest, SpecListedInAFlowSpecCannotBeDeletedUntilRemoved) {
  const std::string id = str(create_connection_spec(mailchimp_create_body()), "id");
  require_status(add_source(kRestStorageToAep, id), 200);

  const auto in_use = client_.del(connection_spec_path(id));
  expect_error(in_use, 409, "IN_USE");
  EXPECT_EQ(error_paths(in_use),
            std::vector<std::string>{"flowSpecs/" + std::string(kRestStorageToAep) +
                                     ".sourceConnectionSpecIds"});

  require_status(remove_source(id), 200);
  const auto deleted = client_.del(connection_spec_path(id));
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_TRUE(deleted.body.empty());
  expect_error(client_.get(connection_spec_path(id)), 404, "NOT_FOUND");
}

TEST_F(ConnectionSpecsTest, DeleteWithAStaleIfMatchIs412) {
  const auto created = create_connection_spec(mailchimp_create_body());
  const std::string id = str(created, "id");
  require_status(client_.put(connection_spec_path(id), mailchimp_update_body()), 200);
  expect_error(client_.del(connection_spec_path(id), {{"If-Match", str(created, "etag")}}), 412,
               "PRECONDITION_FAILED");
  EXPECT_EQ(client_.get(connection_spec_path(id)).status, 200);
}

TEST_F(ConnectionSpecsTest, ADeletedSpecTakesItsIconWithIt) {
  const std::string id = str(create_connection_spec(mailchimp_create_body()), "id");
  const auto icon = connection_spec_path(id) + "/icon";
  EXPECT_EQ(client_
                .put(icon, R"(<svg xmlns="http://www.w3.org/2000/svg"/>)",
                     {{"Content-Type", "image/svg+xml"}})
                .status,
            204);
  ASSERT_EQ(client_.get(icon).status, 200);
  require_status(client_.del(connection_spec_path(id)), 204);

  server_.stop();
  const auto store = store::open_sqlite_store(dir_.path());
  EXPECT_FALSE(store->get("connectionSpecIcons", {"TESTORG@AdobeOrg", "prod"}, id));
}

}  // namespace
}  // namespace hw::test
