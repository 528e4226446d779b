// The window lander over a real store and data dir: one batch and run per flow and window,
// failed events with their reasons, mappings, and landing a segment again after a crash at
// any step without landing anything twice.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dataset/batch_layout.hpp"
#include "dataset/batch_record.hpp"
#include "dataset/batch_writer.hpp"
#include "dataset/datasets.hpp"
#include "spec/builtin_ids.hpp"
#include "spec/registry.hpp"
#include "store/sqlite_store.hpp"
#include "streaming/frame.hpp"
#include "streaming/ingest_log.hpp"
#include "streaming/log_entry.hpp"
#include "streaming/segment_file.hpp"
#include "streaming/window_lander.hpp"
#include "support/abandon.hpp"
#include "support/server_process.hpp"
#include "util/ids.hpp"

namespace hw::streaming {
namespace {

namespace fs = std::filesystem;

const store::Scope kScope{"ORG@AdobeOrg", "prod"};
const resource::Caller kCaller{kScope, "user@AdobeID", "client"};

struct Event {
  std::string flow;
  std::string record;
  std::string reason;
};

class WindowLanderTest : public ::testing::Test {
 protected:
  WindowLanderTest() { specs_.ensure_builtins(kScope); }

  void put(std::string_view kind, const std::string& id, const boost::json::object& body) {
    store_->upsert(kind, kScope, {id, util::new_etag(), 1, 1, boost::json::serialize(body), {}});
  }

  // A streaming flow into a new dataset, with `mapping` as its mapping set when given.
  std::string flow(const std::string& name, const boost::json::object* mapping = nullptr) {
    const std::string dataset = dataset::DataSets(*store_).create(kCaller, {{"name", name}});
    put("targetConnections", "target-" + name, {{"params", {{"dataSetId", dataset}}}});
    boost::json::object flow{{"flowSpec", {{"id", spec::kGenericStreamingAep}, {"version", "1.0"}}},
                             {"targetConnectionIds", boost::json::array{"target-" + name}},
                             {"state", "enabled"}};
    if (mapping) {
      put("mappingSets", "mapping-" + name, *mapping);
      flow["transformations"] =
          boost::json::array{{{"name", "Mapping"}, {"params", {{"mappingId", "mapping-" + name}}}}};
    }
    put("flows", "flow-" + name, flow);
    datasets_[name] = dataset;
    return "flow-" + name;
  }

  // A sealed segment holding `events`, as the ingest log leaves one.
  Segment segment(const std::vector<Event>& events, std::int64_t start_ms = 1700000000000) {
    std::string frames;
    for (const auto& e : events) {
      const auto at = open_frame(frames);
      encode_entry(frames, {kScope.org, kScope.sandbox, e.flow, start_ms, e.reason, e.record});
      close_frame(frames, at);
    }
    fs::create_directories(log_dir_);
    Segment s{sealed_segment_path(log_dir_, start_ms, start_ms + 1000), start_ms, start_ms + 1000,
              events.size()};
    {
      SegmentFile file(s.path);
      AlignedBuffer buffer;
      file.write_at(0, {frames}, buffer);
      file.finish(frames.size());
    }
    return s;
  }

  std::vector<boost::json::object> runs() {
    std::vector<boost::json::object> out;
    for (const auto& body : store_->list("runs", kScope, {}).bodies)
      out.push_back(boost::json::parse(body).as_object());
    return out;
  }

  std::vector<boost::json::object> batches(const std::string& status) {
    std::vector<boost::json::object> out;
    for (const auto& body : store_->list(dataset::kBatchesKind, kScope, {}).bodies) {
      auto record = boost::json::parse(body).as_object();
      if (record.at("status").as_string() == status) out.push_back(std::move(record));
    }
    return out;
  }

  // The lines of one series of a published batch.
  std::vector<std::string> lines(const std::string& name, const std::string& batch_id,
                                 dataset::PartKind kind) {
    const fs::path file =
        layout_.batch_dir(kScope, datasets_.at(name), batch_id) / dataset::part_name(kind, 0);
    std::vector<std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

  static std::int64_t count(const boost::json::object& run, std::string_view key) {
    return run.at("metrics").at("recordSummary").at(key).to_number<std::int64_t>();
  }

  test::TempDir dir_;
  std::unique_ptr<store::Store> store_ = store::open_sqlite_store(dir_.path());
  spec::SpecRegistry specs_{*store_};
  dataset::Batches batches_{*store_, dir_.path()};
  dataset::BatchLayout layout_{dir_.path()};
  fs::path log_dir_ = fs::path(dir_.path()) / "streaming";
  IngestLog log_{log_dir_, IngestLogOptions{}};
  WindowLander lander_{log_, *store_, specs_, batches_};
  std::map<std::string, std::string> datasets_;
};

TEST_F(WindowLanderTest, EachFlowGetsOneBatchAndOneRunPerWindow) {
  const auto a = flow("a");
  const auto b = flow("b");
  const auto s = segment({{a, R"({"n":1})", ""},
                          {b, R"({"n":2})", ""},
                          {a, "7", "a message must be a JSON object"},
                          {a, R"({"n":3})", ""}});
  lander_.land(s);
  const auto all = runs();
  ASSERT_EQ(all.size(), 2U);
  for (const auto& run : all) {
    const std::string flow_id(run.at("flowId").as_string());
    const std::string name = flow_id == a ? "a" : "b";
    const std::string batch(run.at("activities").at(0).at("id").as_string());
    EXPECT_EQ(run.at("window").at("start"), s.start_ms);
    EXPECT_EQ(run.at("window").at("end"), s.end_ms);
    EXPECT_EQ(run.at("metrics").at("statusSummary").at("status"), "success");
    if (name == "a") {
      EXPECT_EQ(count(run, "inputRecordCount"), 3);
      EXPECT_EQ(count(run, "outputRecordCount"), 2);
      EXPECT_EQ(count(run, "failedRecordCount"), 1);
      EXPECT_EQ(lines(name, batch, dataset::PartKind::records),
                (std::vector<std::string>{R"({"n":1})", R"({"n":3})"}));
      EXPECT_EQ(
          lines(name, batch, dataset::PartKind::failed),
          std::vector<std::string>{R"({"record":7,"reason":"a message must be a JSON object"})"});
    } else {
      EXPECT_EQ(count(run, "inputRecordCount"), 1);
      EXPECT_EQ(lines(name, batch, dataset::PartKind::records),
                std::vector<std::string>{R"({"n":2})"});
    }
  }
  EXPECT_EQ(batches("success").size(), 2U);
}

TEST_F(WindowLanderTest, TheFlowsMappingShapesEachEventAndRefusesEmptyResults) {
  const boost::json::object mapping{{"mappings", boost::json::array{{{"sourceType", "ATTRIBUTE"},
                                                                     {"source", "user.mail"},
                                                                     {"destination", "email"}}}}};
  const auto a = flow("a", &mapping);
  lander_.land(segment({{a, R"({"user":{"mail":"x@y"}})", ""}, {a, R"({"other":1})", ""}}));
  const auto run = runs().at(0);
  const std::string batch(run.at("activities").at(0).at("id").as_string());
  EXPECT_EQ(lines("a", batch, dataset::PartKind::records),
            std::vector<std::string>{R"({"email":"x@y"})"});
  EXPECT_EQ(
      lines("a", batch, dataset::PartKind::failed),
      std::vector<std::string>{
          R"({"record":{"other":1},"reason":"none of the source attributes of the flow's mapping set is in the event"})"});
}

TEST_F(WindowLanderTest, LandingASegmentAgainLandsNothingTwice) {
  const auto a = flow("a");
  const auto s = segment({{a, R"({"n":1})", ""}, {a, R"({"n":2})", ""}});
  lander_.land(s);
  lander_.land(s);
  ASSERT_EQ(runs().size(), 1U);
  EXPECT_EQ(batches("success").size(), 1U);
}

TEST_F(WindowLanderTest, ACrashBetweenTheBatchAndTheRunRecordIsRepairedFromTheBatch) {
  const auto a = flow("a");
  const auto s = segment({{a, R"({"n":1})", ""}, {a, "x", "why"}});
  lander_.land(s);
  const auto first = runs().at(0);
  const std::string run_id(first.at("id").as_string());
  ASSERT_EQ(store_->remove("runs", kScope, run_id, std::nullopt), store::WriteResult::ok);

  lander_.land(s);
  const auto repaired = runs();
  ASSERT_EQ(repaired.size(), 1U);
  EXPECT_EQ(repaired[0].at("id").as_string(), run_id);
  EXPECT_EQ(repaired[0].at("activities").at(0).at("id"), first.at("activities").at(0).at("id"));
  EXPECT_EQ(count(repaired[0], "inputRecordCount"), 2);
  EXPECT_EQ(count(repaired[0], "outputRecordCount"), 1);
  EXPECT_EQ(count(repaired[0], "failedRecordCount"), 1);
  EXPECT_EQ(batches("success").size(), 1U);
}

TEST_F(WindowLanderTest, ACrashBeforeTheBatchCommittedLandsTheWindowAfterRecovery) {
  const auto a = flow("a");
  const auto s = segment({{a, R"({"n":1})", ""}});
  // What a crash mid-landing leaves: the run's batch loading, half written, never committed.
  const std::string run_id =
      util::stable_uuid("streaming-run/" + kScope.org + "/" + kScope.sandbox + "/" + a + "/" +
                        std::to_string(s.start_ms));
  auto& crashed =
      test::abandon(batches_.begin(kCaller, datasets_.at("a"), {{"flowId", a}, {"runId", run_id}}));
  crashed.append(R"({"n":1})");
  ASSERT_EQ(batches_.recover(), 1U);  // the restart marks it failed

  lander_.land(s);
  const auto all = runs();
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].at("id").as_string(), run_id);
  EXPECT_NE(all[0].at("activities").at(0).at("id").as_string(), crashed.batch_id());
  EXPECT_EQ(count(all[0], "outputRecordCount"), 1);
  EXPECT_EQ(batches("success").size(), 1U);
  EXPECT_EQ(batches("failed").size(), 1U);
}

TEST_F(WindowLanderTest, EventsOfAFlowThatNoLongerExistsAreDropped) {
  const auto a = flow("a");
  lander_.land(segment({{"flow-gone", R"({"n":1})", ""}, {a, R"({"n":2})", ""}}));
  const auto all = runs();
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].at("flowId").as_string(), a);
}

}  // namespace
}  // namespace hw::streaming
