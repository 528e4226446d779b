// engine::pull's page_emitted: called on the calling thread after each page's records went
// to the sink, with the pages, records and bytes emitted so far.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>
#include <vector>

#include "engine/pull.hpp"
#include "support/mock_upstream.hpp"

namespace hw::engine {
namespace {

TEST(EnginePullEmittedTest, EachPageIsReportedAfterItsRecordsWithTheCountsSoFar) {
  test::MockUpstream upstream;
  const auto spec = boost::json::parse(R"({"sourceSpec":{"attributes":{
      "urlParams":{"path":"/3.0/lists/L1/members","method":"GET"},
      "contentPath":"$.members",
      "paginationParams":{"type":"OFFSET","limitName":"count","limitValue":"100",
                          "offSetName":"offset"}}}})")
                        .as_object();
  const auto auth_spec =
      boost::json::parse(R"({"name":"Basic","type":"BasicAuthentication","spec":{}})").as_object();
  const boost::json::object auth_params{
      {"host", upstream.base_url()}, {"username", "ann"}, {"password", "s3cret"}};
  std::size_t sunk = 0;
  std::vector<std::pair<std::size_t, std::size_t>> reported;  // pages, records
  std::vector<std::size_t> sunk_at_report;
  std::uint64_t bytes = 0;
  const auto caller = std::this_thread::get_id();
  PullOptions options;
  options.page_emitted = [&](const PullStats& emitted) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    reported.emplace_back(emitted.pages, emitted.records);
    sunk_at_report.push_back(sunk);
    bytes = emitted.bytes;
  };
  const auto stats = pull(
      {spec, auth_params, {}, std::nullopt}, auth_spec, [&](std::string_view) { ++sunk; }, options);
  EXPECT_EQ(reported,
            (std::vector<std::pair<std::size_t, std::size_t>>{{1, 100}, {2, 200}, {3, 250}}));
  EXPECT_EQ(sunk_at_report, (std::vector<std::size_t>{100, 200, 250}));
  EXPECT_EQ(bytes, stats.bytes);
}

}  // namespace
}  // namespace hw::engine
