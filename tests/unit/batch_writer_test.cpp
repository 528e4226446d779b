// dataset::Batches and BatchWriter over a real SqliteStore and a temp data dir: the exact
// bytes of the files, the Catalog records, what readers see while a batch is written,
// abandonment, recovery after a crash, and the read side the Data Access API uses.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dataset/batch_files.hpp"
#include "dataset/batch_query.hpp"
#include "dataset/batch_writer.hpp"
#include "dataset/data_access_shape.hpp"
#include "dataset/dataset_preview.hpp"
#include "dataset/datasets.hpp"
#include "dataset/tail_lines.hpp"
#include "http/error.hpp"
#include "store/sqlite_store.hpp"
#include "support/abandon.hpp"
#include "support/server_process.hpp"

namespace hw::dataset {
namespace {

namespace fs = std::filesystem;

const resource::Caller kCaller{{"ORG@AdobeOrg", "prod"}, "user@AdobeID", "client-key"};
const store::Scope kOtherScope{"ORG@AdobeOrg", "dev"};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t entries_in(const fs::path& dir) {
  if (!fs::exists(dir)) return 0;
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

std::string record_line(std::size_t i) {
  return R"({"id":)" + std::to_string(i) + R"(,"email":"user)" + std::to_string(i) +
         R"(@example.com"})";
}

// A writer that is never destroyed, as after a crash: its destructor must not clean up.
BatchWriter& leak(BatchWriter writer) {
  return test::abandon(std::move(writer));
}

class BatchWriterTest : public ::testing::Test {
 protected:
  BatchWriter begin(Batches& on) { return on.begin(kCaller, dataset_id_, related_); }
  BatchWriter begin() { return begin(batches_); }

  boost::json::object record(std::string_view batch_id) {
    return boost::json::parse(batches_.require(kCaller.scope, batch_id).body).as_object();
  }
  fs::path batch_dir(std::string_view batch_id) {
    return batches_.layout().batch_dir(kCaller.scope, dataset_id_, batch_id);
  }
  fs::path staging_dir(std::string_view batch_id) {
    return batches_.layout().staging_dir(kCaller.scope, dataset_id_, batch_id);
  }
  fs::path journal() { return batches_.layout().journal_dir(); }

  std::string commit_lines(std::initializer_list<std::string_view> lines) {
    auto writer = begin();
    for (auto line : lines) writer.append(line);
    return writer.commit().batch_id;
  }

  std::vector<std::string> preview(std::size_t limit = kPreviewDefaultRows) {
    std::vector<std::string> rows;
    for (const auto& row : preview_records(batches_, kCaller.scope, dataset_id_, limit))
      rows.push_back(boost::json::serialize(row));
    return rows;
  }

  test::TempDir dir_;
  std::unique_ptr<store::Store> store_ = store::open_sqlite_store(dir_.path());
  std::string dataset_id_ =
      DataSets(*store_).create(kCaller, boost::json::parse(R"({"name":"d"})").as_object());
  boost::json::object related_ = {{"flowId", "flow-1"}, {"runId", "run-1"}};
  Batches batches_{*store_, dir_.path()};
};

TEST_F(BatchWriterTest, CommitPublishesTheRecordsExactly) {
  auto writer = begin();
  writer.append(R"({"a":1})");
  writer.append(R"({"b":"two"})");
  EXPECT_EQ(writer.records(), 2u);
  const auto summary = writer.commit();
  EXPECT_EQ(summary.batch_id, writer.batch_id());
  EXPECT_EQ(summary.records, 2u);
  EXPECT_EQ(summary.failed, 0u);
  EXPECT_EQ(summary.bytes, 20u);

  const fs::path dir = batch_dir(summary.batch_id);
  EXPECT_EQ(dir.parent_path().filename(), dataset_id_);
  EXPECT_EQ(dir.parent_path().parent_path().parent_path(), fs::path(dir_.path()) / "datasets");
  EXPECT_EQ(read_text(dir / "part-00000.jsonl"), "{\"a\":1}\n{\"b\":\"two\"}\n");
  EXPECT_EQ(entries_in(dir), 1u) << "no failed file without failed records";
  EXPECT_FALSE(fs::exists(staging_dir(summary.batch_id)));
  EXPECT_EQ(entries_in(journal()), 0u);
}

TEST_F(BatchWriterTest, TheCatalogRecordFollowsTheBatch) {
  auto writer = begin();
  const auto loading = record(writer.batch_id());
  EXPECT_EQ(loading.at("status"), "loading");
  EXPECT_EQ(loading.at("id").as_string(), writer.batch_id());
  EXPECT_EQ(loading.at("imsOrg"), "ORG@AdobeOrg");
  EXPECT_EQ(loading.at("createdUser"), "user@AdobeID");
  EXPECT_EQ(loading.at("createdClient"), "client-key");
  EXPECT_EQ(loading.at("version"), "1.0.0");
  EXPECT_EQ(loading.at("started"), loading.at("created"));
  EXPECT_EQ(loading.at("relatedObjects"),
            boost::json::parse(R"([{"type":"dataSet","id":")" + dataset_id_ + R"("}])"));
  EXPECT_EQ(loading.at("tags"), boost::json::parse(R"({"flowId":["flow-1"],"runId":["run-1"]})"));
  EXPECT_FALSE(loading.contains("completed"));
  EXPECT_FALSE(loading.contains("recordCount"));

  writer.append(R"({"a":1})");
  writer.append_failed(R"({"a":"x"})", "bad a");
  const auto summary = writer.commit();
  const auto done = record(summary.batch_id);
  EXPECT_EQ(done.at("status"), "success");
  EXPECT_GE(done.at("completed").as_int64(), done.at("started").as_int64());
  EXPECT_EQ(done.at("updated"), done.at("completed"));
  EXPECT_EQ(done.at("recordCount"), 1);
  EXPECT_EQ(done.at("failedRecordCount"), 1);
  EXPECT_EQ(done.at("size"), 8);
  EXPECT_EQ(
      done.at("metrics"),
      boost::json::parse(R"({"inputRecordCount":2,"outputRecordCount":1,"failedRecordCount":1})"));
  EXPECT_FALSE(done.contains("errors"));
}

TEST_F(BatchWriterTest, FailedRecordsLandWithTheirReasons) {
  auto writer = begin();
  writer.append_failed(R"({"a":[1,2]})", R"(a must be a "string")");
  writer.append_failed("{not json", "unparsable");
  EXPECT_EQ(writer.failed(), 2u);
  const auto summary = writer.commit("upstream answered 500");
  EXPECT_EQ(summary.failed, 2u);
  EXPECT_EQ(read_text(batch_dir(summary.batch_id) / "failed-00000.jsonl"),
            "{\"record\":{\"a\":[1,2]},\"reason\":\"a must be a \\\"string\\\"\"}\n"
            "{\"record\":\"{not json\",\"reason\":\"unparsable\"}\n");
  EXPECT_FALSE(fs::exists(batch_dir(summary.batch_id) / "part-00000.jsonl"));

  const auto failed = record(summary.batch_id);
  EXPECT_EQ(failed.at("status"), "failed");
  EXPECT_EQ(
      failed.at("errors"),
      boost::json::parse(R"([{"code":"BATCH_FAILED","description":"upstream answered 500"}])"));
  EXPECT_EQ(failed.at("failedRecordCount"), 2);
}

TEST_F(BatchWriterTest, ARecordWithLineBreaksStaysOnOneLine) {
  const auto id = commit_lines({"{\"a\":\r\n 1,\n\"b\":2}"});
  EXPECT_EQ(read_text(batch_dir(id) / "part-00000.jsonl"), "{\"a\":   1, \"b\":2}\n");
}

TEST_F(BatchWriterTest, AnEmptyBatchCommitsWithNoFiles) {
  const auto id = commit_lines({});
  EXPECT_TRUE(fs::is_directory(batch_dir(id)));
  EXPECT_EQ(entries_in(batch_dir(id)), 0u);
  EXPECT_EQ(record(id).at("recordCount"), 0);
}

TEST_F(BatchWriterTest, ADestroyedUncommittedWriterRemovesItsFilesAndFailsTheBatch) {
  std::string id;
  {
    auto writer = begin();
    id = writer.batch_id();
    for (std::size_t i = 0; i < 50'000; ++i) writer.append(record_line(i));
    EXPECT_TRUE(fs::exists(staging_dir(id) / "part-00000.jsonl"));
  }
  EXPECT_FALSE(fs::exists(staging_dir(id)));
  EXPECT_FALSE(fs::exists(batch_dir(id)));
  EXPECT_EQ(entries_in(journal()), 0u);
  const auto aborted = record(id);
  EXPECT_EQ(aborted.at("status"), "failed");
  EXPECT_EQ(aborted.at("errors").as_array().at(0).at("code"), "BATCH_ABORTED");
  EXPECT_EQ(aborted.at("recordCount"), 0);
  EXPECT_FALSE(find_published(batches_, kCaller.scope, id));
}

TEST_F(BatchWriterTest, AWriterMovesWithoutEndingItsBatch) {
  auto first = begin();
  first.append(R"({"a":1})");
  BatchWriter moved(std::move(first));
  auto other = begin();
  const std::string replaced = other.batch_id();
  other = std::move(moved);  // the batch `other` held is abandoned
  EXPECT_EQ(record(replaced).at("status"), "failed");
  const auto summary = other.commit();
  EXPECT_EQ(summary.records, 1u);
  EXPECT_EQ(record(summary.batch_id).at("status"), "success");
  EXPECT_THROW(other.append("{}"), std::logic_error);
}

TEST_F(BatchWriterTest, ReadersSeeNothingUntilTheCommit) {
  commit_lines({R"({"old":1})"});
  auto writer = begin();
  // Past the write buffer, so bytes are on disk under the staging name.
  for (std::size_t i = 0; i < 50'000; ++i) writer.append(record_line(i));
  EXPECT_FALSE(find_published(batches_, kCaller.scope, writer.batch_id()));
  EXPECT_FALSE(fs::exists(batch_dir(writer.batch_id())));
  EXPECT_EQ(preview(), std::vector<std::string>{R"({"old":1})"});

  writer.commit();
  const auto published = find_published(batches_, kCaller.scope, writer.batch_id());
  ASSERT_TRUE(published);
  EXPECT_EQ(published->dataset_id, dataset_id_);
  EXPECT_EQ(list_parts(published->dir, PartKind::records).size(), 1u);
  EXPECT_EQ(preview(1), std::vector<std::string>{
                            boost::json::serialize(boost::json::parse(record_line(49'999)))});
}

TEST_F(BatchWriterTest, APartRollsOverBeforeItPassesItsSize) {
  Batches small(*store_, dir_.path(), BatchOptions{100});
  auto writer = begin(small);
  std::string expected;
  for (std::size_t i = 0; i < 40; ++i) {
    writer.append(record_line(i));
    expected += record_line(i) + "\n";
  }
  const auto published = (writer.commit(), find_published(small, kCaller.scope, writer.batch_id()));
  ASSERT_TRUE(published);
  const auto parts = list_parts(published->dir, PartKind::records);
  ASSERT_GT(parts.size(), 10u);
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].name, part_name(PartKind::records, i));
    EXPECT_LE(parts[i].bytes, 100u);
    const auto text = read_text(published->dir / parts[i].name);
    EXPECT_EQ(text.back(), '\n') << "a record never spans two parts";
    joined += text;
  }
  EXPECT_EQ(joined, expected);
}

TEST_F(BatchWriterTest, ARecordLargerThanAPartGetsOneOfItsOwn) {
  Batches small(*store_, dir_.path(), BatchOptions{10});
  auto writer = begin(small);
  writer.append(R"({"big":"0123456789"})");
  writer.append(R"({"a":1})");
  writer.commit();
  const auto dir = small.layout().batch_dir(kCaller.scope, dataset_id_, writer.batch_id());
  EXPECT_EQ(read_text(dir / "part-00000.jsonl"), "{\"big\":\"0123456789\"}\n");
  EXPECT_EQ(read_text(dir / "part-00001.jsonl"), "{\"a\":1}\n");
}

// 100,000 records of about 700 bytes pass the default 64 MiB part size once.
TEST_F(BatchWriterTest, AHundredThousandRecordsRollAtTheDefaultSizeAndStayExact) {
  const std::string padding(680, 'x');
  auto line = [&](std::size_t i) {
    return R"({"i":)" + std::to_string(i) + R"(,"p":")" + padding + "\"}";
  };
  auto writer = begin();
  for (std::size_t i = 0; i < 100'000; ++i) writer.append(line(i));
  const auto summary = writer.commit();
  const auto dir = batch_dir(summary.batch_id);
  const auto parts = list_parts(dir, PartKind::records);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_LE(parts[0].bytes, BatchOptions{}.part_bytes);
  EXPECT_GT(parts[0].bytes + line(0).size() + 1, BatchOptions{}.part_bytes);
  EXPECT_EQ(parts[0].bytes + parts[1].bytes, summary.bytes);
  std::size_t i = 0;
  for (const auto& part : parts) {
    std::ifstream in(dir / part.name);
    for (std::string got; std::getline(in, got); ++i) {
      if (got != line(i)) FAIL() << "line " << i << " differs";
    }
  }
  EXPECT_EQ(i, 100'000u);
}

TEST_F(BatchWriterTest, BeginRefusesAnUnknownDataset) {
  try {
    batches_.begin(kCaller, "11111111-2222-4333-8444-555555555555", {});
    FAIL() << "no error";
  } catch (const http::ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].path, "dataSetId");
  }
  // The same id in another sandbox does not exist either.
  EXPECT_THROW(batches_.begin({kOtherScope, "u", "c"}, dataset_id_, {}), http::ApiError);
  EXPECT_EQ(entries_in(journal()), 0u);
  EXPECT_TRUE(batches_.list(kCaller.scope, {}).bodies.empty());
}

TEST_F(BatchWriterTest, BatchesBelongToTheirScope) {
  const auto id = commit_lines({"{}"});
  EXPECT_THROW(batches_.require(kOtherScope, id), http::ApiError);
  EXPECT_THROW(find_published(batches_, kOtherScope, id), http::ApiError);
  EXPECT_TRUE(batches_.list(kOtherScope, {}).bodies.empty());
}

TEST_F(BatchWriterTest, RecoveryFailsBatchesACrashLeftLoading) {
  BatchWriter& crashed = leak(begin());
  for (std::size_t i = 0; i < 50'000; ++i) crashed.append(record_line(i));
  // And one that crashed after its rename, before Catalog said "success".
  BatchWriter& renamed = leak(begin());
  renamed.append("{}");
  fs::rename(staging_dir(renamed.batch_id()), batch_dir(renamed.batch_id()));
  const auto committed = commit_lines({"{}"});

  Batches restarted(*store_, dir_.path());
  EXPECT_EQ(restarted.recover(), 2u);
  for (const auto& id : {crashed.batch_id(), renamed.batch_id()}) {
    EXPECT_FALSE(fs::exists(staging_dir(id)));
    EXPECT_FALSE(fs::exists(batch_dir(id)));
    const auto failed = record(id);
    EXPECT_EQ(failed.at("status"), "failed");
    EXPECT_EQ(failed.at("errors").as_array().at(0).at("code"), "BATCH_INTERRUPTED");
  }
  EXPECT_EQ(record(committed).at("status"), "success");
  EXPECT_TRUE(fs::exists(batch_dir(committed) / "part-00000.jsonl"));
  EXPECT_EQ(entries_in(journal()), 0u);
  EXPECT_EQ(restarted.recover(), 0u);
}

TEST_F(BatchWriterTest, RecoveryKeepsFinishedBatchesAndDropsBatchesWithoutARecord) {
  const auto committed = commit_lines({"{}"});
  BatchJournal notes(journal());
  // A crash after the record became final, before its note was dropped.
  notes.add({kCaller.scope, dataset_id_, committed});
  // A crash after the note and the staging directory, before the record.
  notes.add({kCaller.scope, dataset_id_, "no-record"});
  fs::create_directories(staging_dir("no-record"));

  EXPECT_EQ(batches_.recover(), 0u);
  EXPECT_EQ(record(committed).at("status"), "success");
  EXPECT_TRUE(fs::exists(batch_dir(committed) / "part-00000.jsonl"));
  EXPECT_FALSE(fs::exists(staging_dir("no-record")));
  EXPECT_EQ(entries_in(journal()), 0u);
}

TEST_F(BatchWriterTest, PreviewShowsTheNewestSuccessfulRecordsOldestFirst) {
  commit_lines({R"({"n":1})", R"({"n":2})"});
  commit_lines({R"({"n":3})", R"({"n":4})", R"({"n":5})"});
  auto failing = begin();
  failing.append(R"({"n":6})");
  failing.commit("the run failed");
  EXPECT_EQ(preview(), (std::vector<std::string>{R"({"n":1})", R"({"n":2})", R"({"n":3})",
                                                 R"({"n":4})", R"({"n":5})"}));
  EXPECT_EQ(preview(4),
            (std::vector<std::string>{R"({"n":2})", R"({"n":3})", R"({"n":4})", R"({"n":5})"}));
  EXPECT_THROW(preview_records(batches_, kOtherScope, dataset_id_, 10), http::ApiError);
}

TEST_F(BatchWriterTest, TheDataSetParameterListsOneDatasetsBatches) {
  const auto mine = commit_lines({"{}"});
  const auto other_dataset =
      DataSets(*store_).create(kCaller, boost::json::parse(R"({"name":"e"})").as_object());
  batches_.begin(kCaller, other_dataset, {}).commit();
  http::Request request;
  request.query = {{"dataSet", dataset_id_}};
  const auto listed = batches_.list(kCaller.scope, parse_batch_query(request)).bodies;
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(boost::json::parse(listed[0]).at("id").as_string(), mine);
  request.query = {{"status", "success"}, {"createdAfter", "0"}};
  EXPECT_EQ(batches_.list(kCaller.scope, parse_batch_query(request)).bodies.size(), 2u);
}

TEST_F(BatchWriterTest, ReadPartServesOnlyThePartsOfItsSeries) {
  auto writer = begin();
  writer.append(R"({"a":1})");
  writer.append_failed("{}", "why");
  const auto dir = batch_dir(writer.commit().batch_id);
  EXPECT_EQ(read_part(dir, PartKind::records, "part-00000.jsonl"), "{\"a\":1}\n");
  EXPECT_EQ(read_part(dir, PartKind::failed, "failed-00000.jsonl"),
            "{\"record\":{},\"reason\":\"why\"}\n");
  for (auto name : {"failed-00000.jsonl", "part-00001.jsonl", "../part-00000.jsonl",
                    "part-00000.jsonl/..", ""}) {
    EXPECT_THROW(read_part(dir, PartKind::records, name), http::ApiError) << name;
  }
}

class BatchTailLinesTest : public ::testing::Test {
 protected:
  fs::path write(const std::string& text) {
    const fs::path path = fs::path(dir_.path()) / "f.jsonl";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  test::TempDir dir_;
};

TEST_F(BatchTailLinesTest, ReturnsTheLastLinesInFileOrder) {
  const auto path = write("a\nb\nc\n");
  EXPECT_EQ(last_lines(path, 2), (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(last_lines(path, 10), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(last_lines(path, 0).empty());
  EXPECT_EQ(last_lines(write("a\nb"), 1), std::vector<std::string>{"b"});
  EXPECT_TRUE(last_lines(write(""), 3).empty());
}

TEST_F(BatchTailLinesTest, LinesLongerThanABlockComeBackWhole) {
  const std::string long_a(200'000, 'a'), long_b(70'000, 'b');
  const auto path = write(long_a + "\n" + long_b + "\nc\n");
  EXPECT_EQ(last_lines(path, 3), (std::vector<std::string>{long_a, long_b, "c"}));
  EXPECT_EQ(last_lines(path, 2), (std::vector<std::string>{long_b, "c"}));
}

TEST(BatchLayoutTest, PartNamesAreStrict) {
  EXPECT_EQ(part_name(PartKind::records, 0), "part-00000.jsonl");
  EXPECT_EQ(part_name(PartKind::failed, 123456), "failed-123456.jsonl");
  EXPECT_TRUE(is_part_name(PartKind::records, "part-00042.jsonl"));
  EXPECT_TRUE(is_part_name(PartKind::failed, "failed-123456.jsonl"));
  EXPECT_FALSE(is_part_name(PartKind::records, "failed-00000.jsonl"));
  EXPECT_FALSE(is_part_name(PartKind::records, "part-0001.jsonl"));
  EXPECT_FALSE(is_part_name(PartKind::records, "part-0000a.jsonl"));
  EXPECT_FALSE(is_part_name(PartKind::records, "part-00000.json"));
}

TEST(BatchLayoutTest, ScopesGetSeparateDirectoriesAndIdsMustBePlain) {
  const BatchLayout layout("/data");
  // Header values may hold '/' but never a newline, which is what joins the two.
  const auto a = layout.dataset_dir({"a", "b/c"}, "d");
  const auto b = layout.dataset_dir({"a/b", "c"}, "d");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.parent_path().parent_path(), fs::path("/data/datasets"));
  EXPECT_THROW(layout.dataset_dir({"a", "b"}, ".."), std::invalid_argument);
  EXPECT_THROW(layout.batch_dir({"a", "b"}, "d", "x/y"), std::invalid_argument);
}

TEST(DataAccessShapeTest, DatasetFileIdsNameTheirBatch) {
  EXPECT_EQ(dataset_file_id("abc"), "abc-1");
  EXPECT_EQ(batch_of_file("abc-1"), "abc");
  EXPECT_FALSE(batch_of_file("abc"));
  EXPECT_FALSE(batch_of_file("-1"));
}

TEST(DataAccessShapeTest, PartListsPageWithANextLink) {
  const std::vector<PartFile> parts{{"part-00000.jsonl", 10}, {"part-00001.jsonl", 20}};
  const auto first = part_files_answer(parts, {0, 1}, "/data/foundation/export/files/b-1");
  EXPECT_EQ(first, boost::json::parse(R"({
    "data": [{"name": "part-00000.jsonl", "length": "10",
              "_links": {"self": {"href": "/data/foundation/export/files/b-1?path=part-00000.jsonl"}}}],
    "_page": {"limit": 1, "count": 1},
    "_links": {"next": {"href": "/data/foundation/export/files/b-1?start=1&limit=1"}}
  })"));
  const auto rest = part_files_answer(parts, {1, 100}, "/x");
  EXPECT_EQ(rest.at("data").as_array().at(0).at("name"), "part-00001.jsonl");
  EXPECT_EQ(rest.at("_links"), boost::json::object{});
}

}  // namespace
}  // namespace hw::dataset
