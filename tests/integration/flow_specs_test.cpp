// /flowSpecs through the real binary: the built-ins every scope starts with, and the
// documented way an author adds a new source to one of them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kUnknownSpec = "11111111-2222-4333-8444-555555555555";

class FlowSpecsTest : public ServerTest {
 protected:
  std::string create_batch_spec() {
    return str(create_connection_spec(mailchimp_create_body()), "id");
  }
  std::string create_streaming_spec() {
    return str(create_connection_spec(seed_streaming_body()), "id");
  }

  // Expects `response` to refuse the id added at sourceConnectionSpecIds[1] (after the one
  // built-in source) and the flow spec to be left as it was.
  void expect_refused_at_index_1(const HttpResponse& response, std::string_view flow_spec_id,
                                 const boost::json::object& before) {
    expect_error(response, 400, "INVALID_SPEC");
    EXPECT_TRUE(has_error_at(response, "sourceConnectionSpecIds[1]"));
    EXPECT_EQ(get_flow_spec(flow_spec_id), before);
  }
};

std::vector<std::string> strings(const boost::json::value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
  return out;
}

TEST_F(FlowSpecsTest, RestStorageToAepIsBuiltIn) {
  const auto spec = get_flow_spec(kRestStorageToAep);
  EXPECT_EQ(str(spec, "id"), kRestStorageToAep);
  EXPECT_EQ(spec.at("name"), "RestStorageToAEP");
  EXPECT_EQ(strings(spec.at("sourceConnectionSpecIds")),
            std::vector<std::string>{std::string(kGenericRestSpec)});
  EXPECT_EQ(strings(spec.at("targetConnectionSpecIds")),
            std::vector<std::string>{std::string(kDataLakeSpec)});
  EXPECT_TRUE(spec.at("optionSpec").is_object());
  EXPECT_FALSE(spec.at("transformationSpecs").as_array().empty());
  EXPECT_TRUE(spec.at("permissionsInfo").is_object());
}

TEST_F(FlowSpecsTest, RestStorageToAepSchedulesWithIfThenElse) {
  const auto schedule = get_flow_spec(kRestStorageToAep).at("scheduleSpec").at("spec").as_object();
  EXPECT_TRUE(schedule.contains("if"));
  EXPECT_TRUE(schedule.contains("then"));
  EXPECT_TRUE(schedule.contains("else"));
  EXPECT_EQ(strings(schedule.at("properties").at("frequency").at("enum")),
            (std::vector<std::string>{"once", "minute", "hour", "day", "week"}));
}

TEST_F(FlowSpecsTest, GenericStreamingAepIsBuiltIn) {
  const auto spec = get_flow_spec(kGenericStreamingAep);
  EXPECT_EQ(spec.at("name"), "GenericStreamingAEP");
  EXPECT_EQ(strings(spec.at("sourceConnectionSpecIds")),
            std::vector<std::string>{std::string(kGenericStreamingSpec)});
  EXPECT_TRUE(spec.at("optionSpec").at("spec").at("properties").as_object().contains("inletUrl"));
}

TEST_F(FlowSpecsTest, ListHoldsExactlyTheBuiltIns) {
  const auto list = require_status(client_.get(std::string(kFlowSpecs) + "?orderby=name"), 200);
  EXPECT_EQ(names_of(list.json().at("items").as_array()),
            (std::vector<std::string>{"GenericStreamingAEP", "RestStorageToAEP"}));
}

TEST_F(FlowSpecsTest, DocumentedUpdateAddsANewSource) {
  const std::string id = create_batch_spec();
  const auto response = add_source(kRestStorageToAep, id);
  ASSERT_EQ(response.status, 200) << response.body;
  const std::vector<std::string> expected{std::string(kGenericRestSpec), id};
  EXPECT_EQ(strings(response.json().at("sourceConnectionSpecIds")), expected);
  EXPECT_EQ(strings(get_flow_spec(kRestStorageToAep).at("sourceConnectionSpecIds")), expected);
}

TEST_F(FlowSpecsTest, UpdateWithAStaleEtagIs412) {
  const auto before = client_.get(flow_spec_path(kRestStorageToAep));
  require_status(add_source(kRestStorageToAep, create_batch_spec()), 200);
  const auto stale =
      client_.put(flow_spec_path(kRestStorageToAep), boost::json::serialize(only_item(before)),
                  {{"If-Match", before.headers.at("ETag")}});
  expect_error(stale, 412, "PRECONDITION_FAILED");
}

TEST_F(FlowSpecsTest, UnknownConnectionSpecIdIsRefusedWithItsPath) {
  const auto before = get_flow_spec(kRestStorageToAep);
  const auto response = add_source(kRestStorageToAep, kUnknownSpec);
  expect_refused_at_index_1(response, kRestStorageToAep, before);
  EXPECT_NE(error_message_at(response, "sourceConnectionSpecIds[1]").find(kUnknownSpec),
            std::string::npos)
      << response.body;
}

TEST_F(FlowSpecsTest, StreamingSpecCannotJoinTheBatchFlowSpec) {
  const auto before = get_flow_spec(kRestStorageToAep);
  expect_refused_at_index_1(add_source(kRestStorageToAep, create_streaming_spec()),
                            kRestStorageToAep, before);
  expect_refused_at_index_1(add_source(kRestStorageToAep, kGenericStreamingSpec), kRestStorageToAep,
                            before);
}

TEST_F(FlowSpecsTest, BatchSpecCannotJoinTheStreamingFlowSpec) {
  const auto before = get_flow_spec(kGenericStreamingAep);
  expect_refused_at_index_1(add_source(kGenericStreamingAep, create_batch_spec()),
                            kGenericStreamingAep, before);
}

TEST_F(FlowSpecsTest, StreamingSpecJoinsTheStreamingFlowSpec) {
  const std::string id = create_streaming_spec();
  EXPECT_EQ(add_source(kGenericStreamingAep, id).status, 200);
  EXPECT_EQ(strings(get_flow_spec(kGenericStreamingAep).at("sourceConnectionSpecIds")),
            (std::vector<std::string>{std::string(kGenericStreamingSpec), id}));
}

TEST_F(FlowSpecsTest, CustomFlowSpecCanBeCreated) {
  auto spec = get_flow_spec(kRestStorageToAep);
  spec["name"] = "MyBatchFlow";
  spec["sourceConnectionSpecIds"] = boost::json::array{boost::json::string(create_batch_spec())};
  const auto response = client_.post(kFlowSpecs, boost::json::serialize(spec));
  ASSERT_EQ(response.status, 201) << response.body;
  const auto created = response.json().as_object();
  const std::string id = str(created, "id");
  EXPECT_NE(id, kRestStorageToAep);
  EXPECT_EQ(created.at("name"), "MyBatchFlow");
  EXPECT_EQ(response.headers.at("Location"), flow_spec_path(id));
  EXPECT_EQ(get_flow_spec(id), created);
}

TEST_F(FlowSpecsTest, DeleteIsNotAllowed) {
  const auto response = client_.del(flow_spec_path(kRestStorageToAep));
  expect_error(response, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(allowed_methods(response), (std::set<std::string>{"GET", "PUT"}));
  EXPECT_EQ(client_.get(flow_spec_path(kRestStorageToAep)).status, 200);
}

}  // namespace
}  // namespace hw::test
