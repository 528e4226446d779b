// Catalog batches (/data/foundation/catalog/batches) and the Data Access API
// (/data/foundation/export) through the real binary. No endpoint creates a batch, so the
// tests that need one stop the server, write the batch with dataset::Batches over the
// same data dir, as a run does, and start the server again.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dataset/batch_layout.hpp"
#include "dataset/batch_writer.hpp"
#include "integration/spec_api_fixture.hpp"
#include "store/sqlite_store.hpp"
#include "support/abandon.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kBatches = "/data/foundation/catalog/batches";
constexpr std::string_view kExport = "/data/foundation/export";
constexpr std::string_view kUnknown = "11111111-2222-4333-8444-555555555555";
const resource::Caller kCaller{{"TESTORG@AdobeOrg", "prod"}, "user@AdobeID", "client"};

std::string export_path(std::string_view rest) {
  return std::string(kExport) + std::string(rest);
}

class BatchesApiTest : public ServerTest {
 protected:
  std::string create_dataset() {
    const auto answer = require_status(client_.post(kDataSets, R"({"name":"landing"})"), 201);
    const std::string reference(answer.json().as_array().at(0).as_string());
    return reference.substr(reference.rfind('/') + 1);
  }

  // Runs `write` against the server's data dir while the server is stopped.
  void offline(const std::function<void(dataset::Batches&)>& write) {
    server_.stop();
    {
      auto store = store::open_sqlite_store(dir_.path());
      dataset::Batches batches(*store, dir_.path());
      write(batches);
    }
    server_.restart();
    client_ = HttpClient(server_.base_url());
  }

  boost::json::object get_object(std::string_view path) {
    return require_status(client_.get(path), 200).json().as_object();
  }
};

TEST_F(BatchesApiTest, WithoutBatchesListsAreEmptyAndIdsUnknown) {
  EXPECT_EQ(get_object(kBatches), boost::json::object{});
  EXPECT_EQ(get_object(std::string(kBatches) + "?dataSet=" + std::string(kUnknown)),
            boost::json::object{});
  expect_error(client_.get(join(kBatches, kUnknown)), 404, "NOT_FOUND");
  for (const auto& path :
       {export_path("/batches/" + std::string(kUnknown) + "/files"),
        export_path("/batches/" + std::string(kUnknown) + "/failed"),
        export_path("/files/" + std::string(kUnknown) + "-1"), export_path("/files/not-a-file-id"),
        export_path("/datasets/" + std::string(kUnknown) + "/preview")}) {
    expect_error(client_.get(path), 404, "NOT_FOUND");
  }
}

TEST_F(BatchesApiTest, ANewDatasetPreviewsNothing) {
  const auto dataset = create_dataset();
  EXPECT_EQ(get_object(export_path("/datasets/" + dataset + "/preview")),
            boost::json::parse(R"({"data":[]})"));
  EXPECT_EQ(get_object(std::string(kBatches) + "?dataSet=" + dataset), boost::json::object{});
}

TEST_F(BatchesApiTest, BadListParametersAreNamed) {
  for (const auto& [query, path] : std::vector<std::pair<std::string, std::string>>{
           {"?limit=0", "query.limit"},
           {"?orderBy=created,updated", "query.orderBy"},
           {"?createdAfter=yesterday", "query.createdAfter"},
           {"?start=-1", "query.start"}}) {
    const auto answer = client_.get(std::string(kBatches) + query);
    expect_error(answer, 400, "INVALID_REQUEST");
    EXPECT_TRUE(has_error_at(answer, path)) << query;
  }
  const auto answer = client_.get(export_path("/batches/x/files?limit=101"));
  expect_error(answer, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(answer, "query.limit"));
}

TEST_F(BatchesApiTest, BatchesAreReadOnlyAndNeedTheAdobeHeaders) {
  EXPECT_EQ(client_.post(kBatches, "{}").status, 405);
  const auto anonymous = client_.get(kBatches, {{"Authorization", ""}});
  EXPECT_TRUE(anonymous.status == 401 || anonymous.status == 403) << anonymous.body;
  const auto no_org = client_.get(export_path("/files/x-1"), {{"x-gw-ims-org-id", ""}});
  EXPECT_TRUE(no_org.status == 401 || no_org.status == 403) << no_org.body;
}

TEST_F(BatchesApiTest, ACommittedBatchReadsBackThroughCatalogAndDataAccess) {
  const auto dataset = create_dataset();
  std::string id;
  offline([&](dataset::Batches& batches) {
    auto writer = batches.begin(kCaller, dataset, {{"flowId", "f"}, {"runId", "r"}});
    writer.append(R"({"n":1})");
    writer.append(R"({"n":2})");
    writer.append_failed(R"({"n":"x"})", "n must be a number");
    id = writer.commit().batch_id;
  });

  const auto listed = get_object(std::string(kBatches) + "?dataSet=" + dataset);
  ASSERT_EQ(listed.size(), 1u);
  const auto batch = listed.at(id).as_object();
  EXPECT_EQ(batch, get_object(join(kBatches, id)).at(id));
  EXPECT_EQ(batch.at("status"), "success");
  EXPECT_EQ(batch.at("recordCount"), 2);
  EXPECT_EQ(batch.at("failedRecordCount"), 1);
  EXPECT_EQ(batch.at("relatedObjects").as_array().at(0),
            boost::json::parse(R"({"type":"dataSet","id":")" + dataset + R"("})"));

  const auto files = get_object(export_path("/batches/" + id + "/files"));
  EXPECT_EQ(files.at("_page"), boost::json::parse(R"({"limit":100,"count":1})"));
  const auto file = files.at("data").as_array().at(0).as_object();
  EXPECT_EQ(file.at("dataSetFileId").as_string(), id + "-1");
  EXPECT_EQ(file.at("dataSetViewId").as_string(), dataset);
  EXPECT_EQ(file.at("records"), "2");
  EXPECT_EQ(file.at("isValid"), true);
  const std::string file_href(file.at("_links").at("self").at("href").as_string());
  EXPECT_EQ(file_href, export_path("/files/" + id + "-1"));

  const auto parts = get_object(file_href);
  const auto part = parts.at("data").as_array().at(0).as_object();
  EXPECT_EQ(part.at("name"), "part-00000.jsonl");
  EXPECT_EQ(part.at("length"), "16");
  const auto bytes = require_status(
      client_.get(std::string(part.at("_links").at("self").at("href").as_string())), 200);
  EXPECT_EQ(bytes.body, "{\"n\":1}\n{\"n\":2}\n");
  EXPECT_EQ(bytes.headers.at("Content-Type"), "application/octet-stream");
  expect_error(client_.get(file_href + "?path=../../../../secret.key"), 404, "NOT_FOUND");

  const auto failed = get_object(export_path("/batches/" + id + "/failed"));
  const auto failed_part = failed.at("data").as_array().at(0).as_object();
  EXPECT_EQ(failed_part.at("name"), "failed-00000.jsonl");
  EXPECT_EQ(
      require_status(
          client_.get(std::string(failed_part.at("_links").at("self").at("href").as_string())), 200)
          .body,
      "{\"record\":{\"n\":\"x\"},\"reason\":\"n must be a number\"}\n");

  EXPECT_EQ(get_object(export_path("/datasets/" + dataset + "/preview")),
            boost::json::parse(R"({"data":[{"n":1},{"n":2}]})"));

  client_.set_sandbox("dev");
  expect_error(client_.get(join(kBatches, id)), 404, "NOT_FOUND");
  expect_error(client_.get(file_href), 404, "NOT_FOUND");
  expect_error(client_.get(export_path("/batches/" + id + "/files")), 404, "NOT_FOUND");
}

TEST_F(BatchesApiTest, DeletingADatasetDeletesItsBatchesAndTheirFilesOnly) {
  const auto dataset = create_dataset(), other = create_dataset();
  std::vector<std::string> gone;
  std::string kept;
  offline([&](dataset::Batches& batches) {
    for (int i = 0; i < 2; ++i) {
      auto writer = batches.begin(kCaller, dataset, {});
      writer.append(R"({"n":1})");
      gone.push_back(writer.commit().batch_id);
    }
    auto writer = batches.begin(kCaller, other, {});
    writer.append(R"({"n":2})");
    kept = writer.commit().batch_id;
  });
  const auto files = dataset::BatchLayout(dir_.path()).dataset_dir(kCaller.scope, dataset);
  ASSERT_TRUE(std::filesystem::is_directory(files));

  require_status(client_.del(join(kDataSets, dataset)), 200);

  EXPECT_EQ(get_object(std::string(kBatches) + "?dataSet=" + dataset), boost::json::object{});
  for (const auto& id : gone) {
    expect_error(client_.get(join(kBatches, id)), 404, "NOT_FOUND");
    expect_error(client_.get(export_path("/batches/" + id + "/files")), 404, "NOT_FOUND");
  }
  EXPECT_FALSE(std::filesystem::exists(files));
  EXPECT_EQ(get_object(join(kBatches, kept)).at(kept).at("status"), "success");
  EXPECT_EQ(
      require_status(client_.get(export_path("/files/" + kept + "-1?path=part-00000.jsonl")), 200)
          .body,
      "{\"n\":2}\n");
}

TEST_F(BatchesApiTest, ABatchACrashLeftLoadingIsFailedAtTheNextStart) {
  const auto dataset = create_dataset();
  std::string id;
  offline([&](dataset::Batches& batches) {
    // Never destroyed, as in a crash: nothing marks it failed but the next start.
    auto& crashed = abandon(batches.begin(kCaller, dataset, {}));
    crashed.append(R"({"n":1})");
    id = crashed.batch_id();
  });
  const auto batch = get_object(join(kBatches, id)).at(id).as_object();
  EXPECT_EQ(batch.at("status"), "failed");
  EXPECT_EQ(batch.at("errors").as_array().at(0).at("code"), "BATCH_INTERRUPTED");
  EXPECT_EQ(get_object(export_path("/batches/" + id + "/files")).at("data"), boost::json::array{});
  EXPECT_EQ(get_object(export_path("/datasets/" + dataset + "/preview")).at("data"),
            boost::json::array{});
}

}  // namespace
}  // namespace hw::test
