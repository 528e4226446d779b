// run::RunRecords over a real batch: records mapped or copied, and a record the mapping
// cannot take rejected alone into the failed files instead of failing the run.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dataset/batch_writer.hpp"
#include "dataset/datasets.hpp"
#include "run/run_records.hpp"
#include "store/sqlite_store.hpp"
#include "support/server_process.hpp"

namespace hw::run {
namespace {

const resource::Caller kCaller{{"ORG@AdobeOrg", "prod"}, "user@AdobeID", "client-key"};

std::string nested(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += R"({"a":)";
  out += "1";
  for (int i = 0; i < depth; ++i) out += "}";
  return out;
}

mapping::MappingSet first_field_mapping() {
  auto compiled = mapping::MappingSet::compile(boost::json::parse(R"({"mappings":[
      {"sourceType":"ATTRIBUTE","source":"a","destination":"copy"}]})")
                                                   .as_object());
  return std::get<mapping::MappingSet>(std::move(compiled));
}

class RunRecordsTest : public ::testing::Test {
 protected:
  std::string read_file(const std::string& batch_id, const std::string& name) {
    const auto dir = batches_.layout().batch_dir(kCaller.scope, dataset_id_, batch_id);
    std::ifstream in(dir / name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  test::TempDir dir_;
  std::unique_ptr<store::Store> store_ = store::open_sqlite_store(dir_.path());
  std::string dataset_id_ =
      dataset::DataSets(*store_).create(kCaller, boost::json::parse(R"({"name":"d"})").as_object());
  dataset::Batches batches_{*store_, dir_.path()};
};

TEST_F(RunRecordsTest, WithoutAMappingRecordsAreCopiedAsTheyCame) {
  auto writer = batches_.begin(kCaller, dataset_id_, {});
  const std::optional<mapping::MappingSet> none;
  RunRecords records(writer, none, false);
  records.accept(R"({"a":1})");
  EXPECT_EQ(records.output_bytes(), 7U);
  const auto id = writer.commit().batch_id;
  EXPECT_EQ(read_file(id, "part-00000.jsonl"), "{\"a\":1}\n");
}

TEST_F(RunRecordsTest, ARecordTooDeepToMapIsRejectedAloneWithItsReason) {
  auto writer = batches_.begin(kCaller, dataset_id_, {});
  const std::optional<mapping::MappingSet> mapping = first_field_mapping();
  RunRecords records(writer, mapping, true);
  records.accept(nested(40));  // deeper than Boost.JSON's default limit, within ours
  records.accept(nested(70));
  records.accept(R"({"a":"x"})");
  const auto samples = records.take_failed_samples();
  ASSERT_EQ(samples.size(), 1U);
  EXPECT_EQ(samples[0].index, 1U);
  EXPECT_EQ(samples[0].code, "MAPPING_FAILED");
  const auto summary = writer.commit();
  EXPECT_EQ(summary.records, 2U);
  EXPECT_EQ(summary.failed, 1U);
  EXPECT_EQ(read_file(summary.batch_id, "part-00000.jsonl"),
            R"({"copy":)" + nested(39) + "}\n" + R"({"copy":"x"})" + "\n");
  EXPECT_NE(read_file(summary.batch_id, "failed-00000.jsonl").find("cannot be mapped"),
            std::string::npos);
}

}  // namespace
}  // namespace hw::run
