// /data/foundation/catalog/dataSets through the real binary: Catalog's own shapes (writes
// answer ["@/dataSets/<id>"], reads answer an object keyed by id), its list parameters,
// scoping, and the refusal to delete a dataset a target connection writes to.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kTargetConnections = "/data/foundation/flowservice/targetConnections";
constexpr std::string_view kUnknownDataSet = "11111111-2222-4333-8444-555555555555";

std::string dataset_path(std::string_view id) {
  return join(kDataSets, id);
}

// Shaped like catalog.yaml's "Enable for Profile" request body, with a chosen name.
std::string profile_dataset(std::string_view name) {
  auto body = parse_object(R"({
    "description": "A dataset enabled for Profile.",
    "schemaRef": {
      "id": "https://ns.adobe.com/tenant/schemas/31670881463308a46f7d2cb09762715",
      "contentType": "application/vnd.adobe.xed-full-notext+json; version=1"
    },
    "tags": {"unifiedIdentity": ["enabled: true"], "unifiedProfile": ["enabled: true"]}
  })");
  body["name"] = name;
  return boost::json::serialize(body);
}

// The id in a write answer, which must be exactly ["@/dataSets/<id>"].
std::string referenced_id(const HttpResponse& response) {
  constexpr std::string_view kPrefix = "@/dataSets/";
  const auto references = response.json().as_array();
  if (references.size() != 1 || !references.front().is_string() ||
      !references.front().get_string().starts_with(kPrefix)) {
    throw std::runtime_error("expected [\"@/dataSets/<id>\"]: " + response.body);
  }
  return std::string(references.front().get_string().subview(kPrefix.size()));
}

// The one entry of an object keyed by id; its key must be `id`.
boost::json::object only_entry(const HttpResponse& response, std::string_view id) {
  const auto body = response.json().as_object();
  if (body.size() != 1 || !body.contains(id))
    throw std::runtime_error("expected one entry keyed " + std::string(id) + ": " + response.body);
  return body.at(id).as_object();
}

// A list answer's keys, in answer order, each checked against the object's own `id`.
std::vector<std::string> listed_ids(const HttpResponse& response) {
  std::vector<std::string> ids;
  const auto body = require_status(response, 200).json().as_object();
  for (const auto& [key, value] : body) {
    EXPECT_EQ(str(value, "id"), key) << response.body;
    ids.emplace_back(key);
  }
  return ids;
}

class DatasetsTest : public ServerTest {
 protected:
  std::string create_dataset(std::string_view name) {
    return referenced_id(require_status(client_.post(kDataSets, profile_dataset(name)), 201));
  }

  boost::json::object get_dataset(std::string_view id) {
    return only_entry(require_status(client_.get(dataset_path(id)), 200), id);
  }

  std::vector<std::string> list(std::string_view query) {
    return listed_ids(client_.get(std::string(kDataSets) + std::string(query)));
  }

  // A data lake target connection that writes to `dataset_id`; returns its id.
  std::string create_target_connection(std::string_view dataset_id) {
    const auto body =
        boost::json::object{{"name", "lands in the dataset"},
                            {"connectionSpec", {{"id", kDataLakeSpec}, {"version", "1.0"}}},
                            {"data", {{"format", "parquet_xdm"}}},
                            {"params", {{"dataSetId", dataset_id}}}};
    const auto response =
        require_status(client_.post(kTargetConnections, boost::json::serialize(body)), 201);
    return str(response.json(), "id");
  }
};

TEST_F(DatasetsTest, CreateAnswersAReferenceToTheNewDataset) {
  const auto response = client_.post(kDataSets, profile_dataset("Accounts"));
  ASSERT_EQ(response.status, 201) << response.body;
  const std::string id = referenced_id(response);
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(response.headers.at("Location"), dataset_path(id));
}

TEST_F(DatasetsTest, GetAnswersAnObjectKeyedByIdWithCatalogMetadata) {
  const std::string id = create_dataset("Accounts");
  const auto dataset = get_dataset(id);
  EXPECT_EQ(str(dataset, "id"), id);
  EXPECT_EQ(dataset.at("name"), "Accounts");
  EXPECT_EQ(dataset.at("version"), "1.0.0");
  EXPECT_EQ(dataset.at("imsOrg"), "TESTORG@AdobeOrg");
  EXPECT_EQ(dataset.at("createdClient"), "test-client");
  EXPECT_TRUE(str(dataset, "createdUser").ends_with("@AdobeID"));
  EXPECT_EQ(dataset.at("updatedUser"), dataset.at("createdUser"));
  EXPECT_GT(dataset.at("created").to_number<std::int64_t>(), 1'600'000'000'000);
  EXPECT_EQ(dataset.at("updated"), dataset.at("created"));
  for (auto flow_service_name : {"createdAt", "createdBy", "imsOrgId", "etag"})
    EXPECT_FALSE(dataset.contains(flow_service_name)) << flow_service_name;
}

TEST_F(DatasetsTest, KeepsWhatTheClientSentAndOwnsTheMetadata) {
  auto body = parse_object(profile_dataset("Accounts"));
  body["fileDescription"] = {{"format", "parquet"}};
  body["created"] = 1;
  body["imsOrg"] = "SOMEONE-ELSE@AdobeOrg";
  body["version"] = "9.9.9";
  const auto response = require_status(client_.post(kDataSets, boost::json::serialize(body)), 201);
  const auto dataset = get_dataset(referenced_id(response));
  for (auto key : {"description", "schemaRef", "tags", "fileDescription"})
    EXPECT_EQ(dataset.at(key), body.at(key)) << key;
  EXPECT_NE(dataset.at("created").to_number<std::int64_t>(), 1);
  EXPECT_EQ(dataset.at("imsOrg"), "TESTORG@AdobeOrg");
  EXPECT_EQ(dataset.at("version"), "1.0.0");
}

TEST_F(DatasetsTest, ListIsKeyedByIdAndPagesWithStartAndLimit) {
  std::set<std::string> created;
  for (auto name : {"a", "b", "c", "d", "e"}) created.insert(create_dataset(name));
  EXPECT_EQ(list("").size(), 5u);
  std::vector<std::string> visited;
  for (std::size_t start = 0; start < 6; start += 2) {
    const auto page = list("?limit=2&start=" + std::to_string(start));
    EXPECT_EQ(page.size(), start < 4 ? 2u : 1u) << start;
    visited.insert(visited.end(), page.begin(), page.end());
  }
  EXPECT_EQ(visited.size(), 5u);
  EXPECT_EQ(std::set<std::string>(visited.begin(), visited.end()), created);
  EXPECT_TRUE(list("?start=5").empty());
}

TEST_F(DatasetsTest, ListDefaultsToTwentyAndOrdersByOneField) {
  std::vector<std::string> ids;
  for (int i = 0; i < 21; ++i) ids.push_back(create_dataset("n" + std::to_string(100 + i)));
  EXPECT_EQ(list("").size(), 20u);
  EXPECT_EQ(list("?limit=100").size(), 21u);
  const auto descending = list("?orderBy=desc:name&limit=3");
  EXPECT_EQ(descending, (std::vector<std::string>{ids[20], ids[19], ids[18]}));
  EXPECT_EQ(list("?orderBy=asc:name&limit=2"), (std::vector<std::string>{ids[0], ids[1]}));
}

TEST_F(DatasetsTest, PropertyAndPlainFiltersSelectByField) {
  create_dataset("Accounts");
  const std::string orders = create_dataset("Orders");
  EXPECT_EQ(list("?property=name==Orders"), std::vector<std::string>{orders});
  EXPECT_EQ(list("?name=Orders"), std::vector<std::string>{orders});
  EXPECT_EQ(list("?property=name!=Accounts"), std::vector<std::string>{orders});
  EXPECT_TRUE(list("?property=name==Nothing").empty());
}

TEST_F(DatasetsTest, BadListParametersAreNamed) {
  for (auto [query, path] :
       {std::pair{"?limit=0", "query.limit"}, std::pair{"?limit=101", "query.limit"},
        std::pair{"?start=-1", "query.start"},
        std::pair{"?orderBy=asc:created,updated", "query.orderBy"},
        std::pair{"?property=name", "query.property"}}) {
    const auto response = client_.get(std::string(kDataSets) + query);
    expect_error(response, 400, "INVALID_REQUEST");
    EXPECT_TRUE(has_error_at(response, path)) << query;
  }
}

TEST_F(DatasetsTest, UnknownIdIsNotFound) {
  expect_error(client_.get(dataset_path(kUnknownDataSet)), 404, "NOT_FOUND");
  expect_error(client_.del(dataset_path(kUnknownDataSet)), 404, "NOT_FOUND");
}

TEST_F(DatasetsTest, NameIsRequired) {
  for (auto body : {R"({"description":"no name"})", R"({"name":""})", R"({"name":5})"}) {
    const auto response = client_.post(kDataSets, body);
    expect_error(response, 400, "INVALID_REQUEST");
    EXPECT_TRUE(has_error_at(response, "name")) << body;
  }
  EXPECT_TRUE(list("").empty());
}

TEST_F(DatasetsTest, MalformedBodyIsRefused) {
  expect_error(client_.post(kDataSets, R"({"name": "x",)"), 400, "MALFORMED_JSON");
  expect_error(client_.post(kDataSets, R"(["name"])"), 400, "INVALID_REQUEST");
  EXPECT_TRUE(list("").empty());
}

TEST_F(DatasetsTest, AnotherOrgNeitherSeesNorDeletesTheDataset) {
  const std::string id = create_dataset("Accounts");
  HttpClient other(server_.base_url());
  other.set_org("OTHER@AdobeOrg");
  expect_error(other.get(dataset_path(id)), 404, "NOT_FOUND");
  EXPECT_TRUE(listed_ids(other.get(kDataSets)).empty());
  expect_error(other.del(dataset_path(id)), 404, "NOT_FOUND");
  EXPECT_EQ(get_dataset(id).at("name"), "Accounts");
}

TEST_F(DatasetsTest, DeleteAnswersAReferenceThenTheDatasetIsGone) {
  const std::string id = create_dataset("Accounts");
  const auto response = require_status(client_.del(dataset_path(id)), 200);
  EXPECT_EQ(response.json(), boost::json::value(boost::json::array{"@/dataSets/" + id}));
  expect_error(client_.get(dataset_path(id)), 404, "NOT_FOUND");
  expect_error(client_.del(dataset_path(id)), 404, "NOT_FOUND");
}

TEST_F(DatasetsTest, DatasetATargetConnectionWritesToIsInUse) {
  const std::string id = create_dataset("Accounts");
  const std::string target = create_target_connection(id);
  const auto refused = client_.del(dataset_path(id));
  expect_error(refused, 409, "IN_USE");
  EXPECT_EQ(error_paths(refused),
            std::vector<std::string>{"targetConnections/" + target + ".params.dataSetId"});
  EXPECT_EQ(get_dataset(id).at("name"), "Accounts");
  EXPECT_EQ(client_.del(join(kTargetConnections, target)).status, 204);
  EXPECT_EQ(client_.del(dataset_path(id)).status, 200);
}

}  // namespace
}  // namespace hw::test
