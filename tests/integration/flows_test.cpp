// Dataflows (/flows): the tutorial's chain ending in a flow on RestStorageToAEP, every rule
// of the flow spec reported with its path, the enable/disable action, JSON Patch with
// If-Match, deletes (of the flow, and refused of the connections it uses) and org isolation.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "integration/dataflow_fixture.hpp"

namespace hw::test {
namespace {

class FlowsTest : public DataflowTest {
 protected:
  // POSTs `body` and expects a 400 with an error at `path`; returns its message.
  std::string refused_at(const boost::json::object& body, std::string_view path) {
    const auto response = client_.post(kFlows, boost::json::serialize(body));
    expect_error(response, 400, "INVALID_REQUEST");
    EXPECT_TRUE(has_error_at(response, path));
    return has_error_at(response, path) ? error_message_at(response, path) : "";
  }

  HttpResponse act(std::string_view id, std::string_view op, const HeaderList& headers = {}) {
    return client_.post(join(kFlows, id) + "/action?op=" + std::string(op), "", headers);
  }

  // A source connection on the built-in streaming template, which GenericStreamingAEP lists.
  std::string create_streaming_source() {
    return create(kSourceConnections,
                  boost::json::serialize(boost::json::object{
                      {"name", "webhook events"},
                      {"connectionSpec", {{"id", kGenericStreamingSpec}, {"version", "1.0"}}}}));
  }
};

TEST_F(FlowsTest, TheDocumentedChainEndsInAnEnabledFlow) {
  const Chain chain = create_chain();
  const std::string id = create_flow(chain);
  const auto flow = get(kFlows, id);
  EXPECT_EQ(str(flow, "id"), id);
  EXPECT_EQ(flow.at("state"), "enabled");
  EXPECT_EQ(str(flow.at("flowSpec"), "id"), kRestStorageToAep);
  EXPECT_EQ(flow.at("sourceConnectionIds"), boost::json::array{chain.source});
  EXPECT_EQ(flow.at("targetConnectionIds"), boost::json::array{chain.target});
  EXPECT_EQ(flow.at("scheduleParams"), flow_body(chain).at("scheduleParams"));
  for (const char* key : {"createdAt", "updatedAt", "createdBy", "imsOrgId", "etag"})
    EXPECT_TRUE(flow.contains(key)) << key;
  const auto list =
      require_status(client_.get(std::string(kFlows) + "?property=state==enabled"), 200);
  EXPECT_EQ(ids_of(list.json().at("items").as_array()), std::set<std::string>{id});
}

TEST_F(FlowsTest, ConnectionSpecsTheFlowSpecDoesNotListAreRefusedWithTheFix) {
  require_status(edit_flow_spec(kRestStorageToAep,
                                [](boost::json::object& spec) {
                                  spec["targetConnectionSpecIds"] = boost::json::array();
                                }),
                 200);
  Chain chain;
  chain.source = create_source(create_connection());
  chain.target = create(kTargetConnections, target_body(create_dataset()));
  const auto response = client_.post(kFlows, boost::json::serialize(flow_body(chain)));
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(response),
            (std::vector<std::string>{"sourceConnectionIds[0]", "targetConnectionIds[0]"}));
  const std::string source = error_message_at(response, "sourceConnectionIds[0]");
  for (const std::string& part : {spec_id_, std::string("'RestStorageToAEP'"),
                                  std::string("sourceConnectionSpecIds"), std::string("PUT")})
    EXPECT_NE(source.find(part), std::string::npos) << part << " in " << source;
  const std::string target = error_message_at(response, "targetConnectionIds[0]");
  EXPECT_NE(target.find(kDataLakeSpec), std::string::npos) << target;
}

TEST_F(FlowsTest, EveryMissingLinkIsReportedAtOnce) {
  const Chain chain = create_chain();
  auto body = flow_body(chain);
  body.erase("name");
  body["flowSpec"].as_object()["id"] = "no-such-flow-spec";
  body["sourceConnectionIds"] = boost::json::array{chain.source, chain.target};
  body["targetConnectionIds"] = boost::json::array{"no-such-target"};
  const auto response = client_.post(kFlows, boost::json::serialize(body));
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(response),
            (std::vector<std::string>{"name", "flowSpec.id", "sourceConnectionIds[1]",
                                      "targetConnectionIds[0]"}));
  EXPECT_NE(error_message_at(response, "sourceConnectionIds[1]").find(chain.target),
            std::string::npos);
  body["sourceConnectionIds"] = boost::json::array();
  body.erase("targetConnectionIds");
  EXPECT_TRUE(
      has_error_at(client_.post(kFlows, boost::json::serialize(body)), "sourceConnectionIds"));
}

// The if/then/else rules of RestStorageToAEP's scheduleSpec, each at its own path.
TEST_F(FlowsTest, ScheduleParamsFollowTheFlowSpecsScheduleSpec) {
  const Chain chain = create_chain();
  struct Case {
    const char* schedule;
    const char* path;
  };
  const std::vector<Case> cases = {
      {R"({"startTime":1567411548,"frequency":"once","interval":15})", "scheduleParams"},
      {R"({"startTime":1567411548,"frequency":"once","backfill":true})", "scheduleParams"},
      {R"({"startTime":1567411548,"frequency":"minute","interval":10})", "scheduleParams.interval"},
      {R"({"startTime":1567411548,"frequency":"hour","interval":0})", "scheduleParams.interval"},
      {R"({"startTime":1567411548,"frequency":"day"})", "scheduleParams.interval"},
      {R"({"startTime":"1567411548","frequency":"once"})", "scheduleParams.startTime"},
      {R"({"startTime":1567411548,"frequency":"hourly","interval":1})", "scheduleParams.frequency"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.schedule);
    auto body = flow_body(chain);
    body["scheduleParams"] = boost::json::parse(c.schedule);
    refused_at(body, c.path);
  }
  auto once = flow_body(chain);
  once["scheduleParams"] = boost::json::parse(R"({"startTime":1567411548,"frequency":"once"})");
  create(kFlows, boost::json::serialize(once));
  once.erase("scheduleParams");
  refused_at(once, "scheduleParams");
}

TEST_F(FlowsTest, StreamingFlowsTakeNoSchedule) {
  Chain chain;
  chain.source = create_streaming_source();
  chain.target = create(kTargetConnections, target_body(create_dataset()));
  auto body = flow_body(chain);
  body["flowSpec"].as_object()["id"] = kGenericStreamingAep;
  const std::string message = refused_at(body, "scheduleParams");
  EXPECT_NE(message.find("streaming"), std::string::npos) << message;
  body.erase("scheduleParams");
  const std::string id = create(kFlows, boost::json::serialize(body));
  EXPECT_FALSE(get(kFlows, id).contains("scheduleParams"));
}

TEST_F(FlowsTest, TransformationsNameOneOfTheFlowSpecsAndAnExistingMappingSet) {
  const Chain chain = create_chain();
  auto body = flow_body(chain);
  body["transformations"] = boost::json::parse(R"([{"name":"Copy","params":{}}])");
  const std::string message = refused_at(body, "transformations[0].name");
  EXPECT_NE(message.find("'Mapping'"), std::string::npos) << message;
  body["transformations"] =
      boost::json::parse(R"([{"name":"Mapping","params":{"mappingId":"no-such-set"}}])");
  EXPECT_NE(refused_at(body, "transformations[0].params.mappingId").find("no-such-set"),
            std::string::npos);
  body["transformations"] =
      boost::json::parse(R"([{"name":"Mapping","params":{"mappingVersion":0}}])");
  const auto response = client_.post(kFlows, boost::json::serialize(body));
  EXPECT_EQ(error_paths(response),
            (std::vector<std::string>{"transformations[0].params.mappingVersion",
                                      "transformations[0].params.mappingId"}));
  body["transformations"] = boost::json::array{boost::json::object{
      {"name", "Mapping"},
      {"params", {{"mappingId", create_mapping_set()}, {"mappingVersion", "0"}}}}};
  const std::string id = create(kFlows, boost::json::serialize(body));
  EXPECT_EQ(get(kFlows, id).at("transformations"), body.at("transformations"));
}

TEST_F(FlowsTest, OptionsFollowTheFlowSpecsOptionSpec) {
  const Chain chain = create_chain();
  auto body = flow_body(chain);
  body["options"] = boost::json::parse(R"({"partialIngestionPercent":0})");
  refused_at(body, "options.partialIngestionPercent");
  body["options"] = boost::json::parse(R"({"errorDiagnosticsEnabled":"yes"})");
  refused_at(body, "options.errorDiagnosticsEnabled");
  body["options"] = "all";
  refused_at(body, "options");
  body["options"] =
      boost::json::parse(R"({"partialIngestionPercent":5,"errorDiagnosticsEnabled":true})");
  const std::string id = create(kFlows, boost::json::serialize(body));
  EXPECT_EQ(get(kFlows, id).at("options"), body.at("options"));
}

TEST_F(FlowsTest, ActionsDisableAndEnable) {
  const std::string id = create_flow(create_chain());
  const auto disabled = require_status(act(id, "disable"), 200);
  const auto answer = disabled.json().as_object();
  EXPECT_EQ(answer.size(), 2U) << disabled.body;
  EXPECT_EQ(str(answer, "id"), id);
  EXPECT_EQ(disabled.headers.at("ETag"), str(answer, "etag"));
  EXPECT_EQ(get(kFlows, id).at("state"), "disabled");
  require_status(act(id, "ENABLE", {{"If-Match", str(answer, "etag")}}), 200);
  EXPECT_EQ(get(kFlows, id).at("state"), "enabled");
  expect_error(act(id, "disable", {{"If-Match", str(answer, "etag")}}), 412, "PRECONDITION_FAILED");
  EXPECT_EQ(get(kFlows, id).at("state"), "enabled");
}

TEST_F(FlowsTest, AnUnknownActionOrFlowIsRefused) {
  const std::string id = create_flow(create_chain());
  for (const auto* op : {"pause", "FINALIZE"}) {
    const auto response = act(id, op);
    expect_error(response, 400, "INVALID_REQUEST");
    EXPECT_EQ(error_paths(response), std::vector<std::string>{"query.op"}) << op;
  }
  const auto missing = client_.post(join(kFlows, id) + "/action", "");
  EXPECT_EQ(error_paths(missing), std::vector<std::string>{"query.op"});
  expect_error(act("no-such-flow", "enable"), 404, "NOT_FOUND");
}

TEST_F(FlowsTest, PatchChangesNameAndScheduleWithIfMatch) {
  const std::string id = create_flow(create_chain());
  const auto before = client_.get(join(kFlows, id));
  const auto response =
      patch(kFlows, id,
            R"([{"op":"replace","path":"/name","value":"hourly"},)"
            R"({"op":"replace","path":"/scheduleParams/frequency","value":"hour"},)"
            R"({"op":"replace","path":"/scheduleParams/interval","value":2}])",
            {{"If-Match", before.headers.at("ETag")}});
  require_status(response, 200);
  const auto after = get(kFlows, id);
  EXPECT_EQ(after.at("name"), "hourly");
  EXPECT_EQ(after.at("scheduleParams").at("frequency"), "hour");
  EXPECT_EQ(after.at("scheduleParams").at("interval"), 2);
  expect_error(patch(kFlows, id, R"([{"op":"replace","path":"/name","value":"stale"}])",
                     {{"If-Match", before.headers.at("ETag")}}),
               412, "PRECONDITION_FAILED");
  EXPECT_EQ(get(kFlows, id).at("name"), "hourly");
}

TEST_F(FlowsTest, PatchIsCheckedAsACreateAndKeepsTheLinksFixed) {
  const std::string id = create_flow(create_chain());
  const auto broken =
      patch(kFlows, id, R"([{"op":"replace","path":"/scheduleParams/interval","value":5}])");
  expect_error(broken, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(broken), std::vector<std::string>{"scheduleParams.interval"});
  const auto fixed = patch(kFlows, id,
                           R"([{"op":"replace","path":"/state","value":"disabled"},)"
                           R"({"op":"add","path":"/sourceConnectionIds/-","value":"x"},)"
                           R"({"op":"replace","path":"/targetConnectionIds","value":[]},)"
                           R"({"op":"replace","path":"/flowSpec/id","value":"x"}])");
  expect_error(fixed, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(fixed),
            (std::vector<std::string>{"[0].path", "[1].path", "[2].path", "[3].path"}));
}

TEST_F(FlowsTest, DeleteRemovesTheFlow) {
  const std::string id = create_flow(create_chain());
  EXPECT_EQ(client_.del(join(kFlows, id)).status, 204);
  expect_error(client_.get(join(kFlows, id)), 404, "NOT_FOUND");
  expect_error(client_.del(join(kFlows, id)), 404, "NOT_FOUND");
}

TEST_F(FlowsTest, ConnectionsOfAFlowCannotBeDeletedUntilTheFlowIs) {
  const Chain chain = create_chain();
  const std::string id = create_flow(chain);
  const auto source = client_.del(join(kSourceConnections, chain.source));
  expect_error(source, 409, "IN_USE");
  EXPECT_EQ(error_paths(source), std::vector<std::string>{"flows/" + id + ".sourceConnectionIds"});
  const auto target = client_.del(join(kTargetConnections, chain.target));
  expect_error(target, 409, "IN_USE");
  EXPECT_EQ(error_paths(target), std::vector<std::string>{"flows/" + id + ".targetConnectionIds"});
  require_status(client_.del(join(kFlows, id)), 204);
  EXPECT_EQ(client_.del(join(kSourceConnections, chain.source)).status, 204);
  EXPECT_EQ(client_.del(join(kTargetConnections, chain.target)).status, 204);
}

TEST_F(FlowsTest, AnotherOrgNeitherSeesNorUsesTheFlowOrItsConnections) {
  const Chain chain = create_chain();
  const std::string id = create_flow(chain);
  client_.set_org("OTHER@AdobeOrg");
  expect_error(client_.get(join(kFlows, id)), 404, "NOT_FOUND");
  expect_error(act(id, "disable"), 404, "NOT_FOUND");
  expect_error(patch(kFlows, id, R"([{"op":"replace","path":"/name","value":"x"}])"), 404,
               "NOT_FOUND");
  expect_error(client_.del(join(kFlows, id)), 404, "NOT_FOUND");
  const auto list = require_status(client_.get(kFlows), 200);
  EXPECT_TRUE(list.json().at("items").as_array().empty()) << list.body;
  const auto response = client_.post(kFlows, boost::json::serialize(flow_body(chain)));
  EXPECT_EQ(error_paths(response),
            (std::vector<std::string>{"sourceConnectionIds[0]", "targetConnectionIds[0]"}));
  client_.set_org("TESTORG@AdobeOrg");
  EXPECT_EQ(get(kFlows, id).at("state"), "enabled");
}

TEST_F(FlowsTest, AFlowSpecCannotDropAConnectionSpecItsFlowsUse) {
  const std::string id = create_flow(create_chain());
  const auto path = flow_spec_path(kRestStorageToAep);
  auto flow_spec = only_item(require_status(client_.get(path), 200));
  auto& ids = flow_spec.at("sourceConnectionSpecIds").as_array();
  ids.erase(std::remove(ids.begin(), ids.end(), boost::json::value(spec_id_)), ids.end());

  const auto refused = client_.put(path, boost::json::serialize(flow_spec));
  expect_error(refused, 409, "IN_USE");
  EXPECT_TRUE(has_error_at(refused, "flows/" + id + ".sourceConnectionIds")) << refused.body;
  EXPECT_EQ(only_item(require_status(client_.get(path), 200)).at("sourceConnectionSpecIds"),
            (boost::json::array{kGenericRestSpec, spec_id_}));

  require_status(client_.del(join(kFlows, id)), 204);
  require_status(client_.put(path, boost::json::serialize(flow_spec)), 200);
}

}  // namespace
}  // namespace hw::test
