#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/run_error.hpp"
#include "engine/source_request.hpp"

namespace hw::engine {
namespace {

using namespace std::chrono;

boost::json::object spec_with(const std::string& attributes) {
  return boost::json::parse(R"({"sourceSpec":{"attributes":)" + attributes + "}}").as_object();
}

const boost::json::object kAuth =
    boost::json::parse(R"({"host":"https://api.example/","username":"u"})").as_object();
const boost::json::object kParams = boost::json::parse(R"({"listId":"L 1","limit":5})").as_object();

TEST(EngineSourceRequest, HostFromTheAuthParamsAndATemplatedEncodedPath) {
  const auto spec =
      spec_with(R"({"urlParams":{"path":"/3.0/lists/${listId}/members","method":"get"}})");
  const auto request = build_request({spec, kAuth, kParams, std::nullopt});
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.url, "https://api.example/3.0/lists/L%201/members");
}

TEST(EngineSourceRequest, QueryAndHeaderParamsInBothForms) {
  const auto spec = spec_with(R"({"urlParams":{"path":"/x","queryParams":"a=${limit},b=2"},)"
                              R"("headerParams":{"X-List":"${listId}"}})");
  const auto request = build_request({spec, kAuth, kParams, std::nullopt});
  EXPECT_EQ(request.url, "https://api.example/x?a=5&b=2");
  ASSERT_EQ(request.headers.size(), 1U);
  EXPECT_EQ(request.headers[0], (std::pair<std::string, std::string>{"X-List", "L 1"}));
}

TEST(EngineSourceRequest, WindowParamsInTheirFormats) {
  const auto spec = spec_with(R"({"urlParams":{"path":"/m"},"scheduleParams":{)"
                              R"("scheduleStartParamName":"since","scheduleEndParamName":"before",)"
                              R"("scheduleStartParamFormat":"yyyy-MM-ddTHH:mm:ss:fffffffK",)"
                              R"("scheduleEndParamFormat":"epochMillis"}})");
  const schedule::TimePoint start{milliseconds(1700000000123)};
  const schedule::TimePoint end{milliseconds(1700000060000)};
  const auto request = build_request({spec, kAuth, kParams, RunWindow{start, end, false}});
  EXPECT_EQ(request.url,
            "https://api.example/m?since=2023-11-14T22%3A13%3A20%3A1230000Z&before=1700000060000");
}

TEST(EngineSourceRequest, PlusSignsInQueryValuesAreEncoded) {
  const auto spec = spec_with(R"({"urlParams":{"path":"/m"},"scheduleParams":{)"
                              R"("scheduleStartParamName":"since","scheduleEndParamName":"before",)"
                              R"("scheduleStartParamFormat":"yyyy-MM-ddTHH:mm:sszzz",)"
                              R"("scheduleEndParamFormat":"yyyy-MM-ddTHH:mm:sszzz"}})");
  const schedule::TimePoint t{seconds(0)};
  EXPECT_EQ(build_request({spec, kAuth, kParams, RunWindow{t, t, false}}).url,
            "https://api.example/"
            "m?since=1970-01-01T00%3A00%3A00%2B00%3A00&before=1970-01-01T00%3A00%3A00%2B00%3A00");
}

TEST(EngineSourceRequest, AdvanceSchedulingFillsScheduleQuery) {
  const auto spec = spec_with(
      R"({"urlParams":{"path":"/s","queryParams":{"query":"{SCHEDULE_QUERY}"}},)"
      R"("scheduleParams":{"type":"ADVANCE","paramFormat":"yyyy-MM-ddTHH:mm:ssK",)"
      R"("incremental":"updated>{START_TIME} updated<{END_TIME}","backfill":"updated<{END_TIME}"}})");
  const schedule::TimePoint start{seconds(0)}, end{seconds(60)};
  EXPECT_EQ(build_request({spec, kAuth, kParams, RunWindow{start, end, true}}).url,
            "https://api.example/s?query=updated%3C1970-01-01T00%3A01%3A00Z");
  EXPECT_EQ(build_request({spec, kAuth, kParams, RunWindow{start, end, false}}).url,
            "https://api.example/"
            "s?query=updated%3E1970-01-01T00%3A00%3A00Z%20updated%3C1970-01-01T00%3A01%3A00Z");
}

TEST(EngineSourceRequest, PostCarriesTheTemplatedBody) {
  const auto spec = spec_with(
      R"({"urlParams":{"path":"/q","method":"POST"},"bodyParams":{"list":"${listId}","n":1}})");
  const auto request = build_request({spec, kAuth, kParams, std::nullopt});
  EXPECT_EQ(request.body, R"({"list":"L 1","n":1})");
}

TEST(EngineSourceRequest, NoHostIsAnError) {
  const auto spec = spec_with(R"({"urlParams":{"path":"/x"}})");
  const boost::json::object no_host;
  EXPECT_THROW(build_request({spec, no_host, kParams, std::nullopt}), RunError);
}

}  // namespace
}  // namespace hw::engine
