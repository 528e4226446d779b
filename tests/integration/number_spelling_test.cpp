// Doubles keep the spelling sources and authors write (1.5, 0.1, 100.0) wherever the
// server writes a parsed value back out: records reshaped by keepAttributes,
// explodeEntityPath or a mapping set and read back through the Data Access API, and stored
// documents read back through GET. Boost 1.81's serializer wrote them 1.5E0, 1E-1 and 1E2.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "integration/run_fixture.hpp"
#include "support/mock_server.hpp"

namespace hw::test {
namespace {

// One order as a source sends it, MailChimp-members-shaped so the docs' spec reads it.
constexpr std::string_view kOrders = R"({"members": [
  {"id": "o1", "price": 1.5, "discount": 0.1, "total": 100.0, "qty": 3, "note": "gift",
   "lines": [{"sku": "a", "price": 1.5}, {"sku": "b", "price": 100.0}]}]})";

// The orders on the first page (offset 0), none after it.
mock::Reply orders_page(const UpstreamRequest& request) {
  const std::string_view target = request.target;
  const auto at = target.find("offset=");
  const auto value = at == std::string_view::npos
                         ? std::string_view()
                         : target.substr(at + 7, target.find('&', at) - (at + 7));
  return {{200, value == "0" ? std::string(kOrders) : std::string(R"({"members": []})"), {}}};
}

class NumberSpellingTest : public RunTest {
 protected:
  // The docs' MailChimp spec with `content` as contentPath and `explode` (when given) as
  // explodeEntityPath, added to RestStorageToAEP.
  std::string orders_spec(std::string_view content, std::string_view explode = {}) {
    auto spec = parse_object(mailchimp_named("Orders"));
    auto& attributes = spec["sourceSpec"].as_object()["attributes"].as_object();
    attributes["contentPath"] = boost::json::parse(content);
    if (!explode.empty()) attributes["explodeEntityPath"] = boost::json::parse(explode);
    const std::string id = str(create_connection_spec(boost::json::serialize(spec)), "id");
    require_status(add_source(kRestStorageToAep, id), 200);
    return id;
  }

  // connection to the orders source → source → dataset → target → flow, with
  // `transformations` when given.
  std::string orders_flow(std::string_view spec_id, boost::json::array transformations = {}) {
    auto connection = parse_object(basic_connection(spec_id, "s3cret"));
    connection["auth"].as_object()["params"].as_object()["host"] =
        "http://127.0.0.1:" + std::to_string(orders_.port());
    Chain chain;
    chain.connection = create(kConnections, boost::json::serialize(connection));
    chain.source =
        create(kSourceConnections, boost::json::serialize(boost::json::object{
                                       {"name", "orders"},
                                       {"baseConnectionId", chain.connection},
                                       {"connectionSpec", {{"id", spec_id}, {"version", "1.0"}}},
                                       {"data", {{"format", "json"}}},
                                       {"params", {{"listId", "shop"}}}}));
    chain.dataset = create_dataset();
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    auto flow = flow_body(chain);
    flow["scheduleParams"] = {{"startTime", 4102444800}, {"frequency", "hour"}, {"interval", 1}};
    if (!transformations.empty()) flow["transformations"] = std::move(transformations);
    return create(kFlows, boost::json::serialize(flow));
  }

  // The lines of the run's batch as the Data Access API serves them, text untouched.
  std::vector<std::string> landed_lines(std::string_view flow) {
    const auto run = finished_run(start_run(flow));
    EXPECT_EQ(str(run.at("metrics").at("statusSummary"), "status"), "success")
        << boost::json::serialize(run);
    return batch_lines(str(run.at("activities").at(0), "id"));
  }

  // The body of GET base/id, as the server wrote it.
  std::string stored_text(std::string_view base, std::string_view id) {
    return require_status(client_.get(join(base, id)), 200).body;
  }

  mock::Server orders_{orders_page};
};

TEST_F(NumberSpellingTest, KeepAttributesLandDoublesAsTheSourceWroteThem) {
  const auto lines = landed_lines(
      orders_flow(orders_spec(R"({"path": "$.members", "keepAttributes": ["id", "price", "discount",
                                                              "total", "qty"]})")));
  EXPECT_EQ(lines, std::vector<std::string>{
                       R"({"id":"o1","price":1.5,"discount":0.1,"total":100.0,"qty":3})"});
}

TEST_F(NumberSpellingTest, ExplodedRecordsKeepTheirDoubles) {
  const auto lines = landed_lines(orders_flow(
      orders_spec(R"({"path": "$.members", "keepAttributes": ["id", "total", "lines"]})",
                  R"({"path": "$.lines"})")));
  EXPECT_EQ(lines, (std::vector<std::string>{
                       R"({"id":"o1","total":100.0,"lines":{"sku":"a","price":1.5}})",
                       R"({"id":"o1","total":100.0,"lines":{"sku":"b","price":100.0}})"}));
}

TEST_F(NumberSpellingTest, MappedRecordsKeepTheirDoubles) {
  const auto mapping = str(require_status(client_.post(kMappingSets, R"({"mappings":[
      {"sourceType":"ATTRIBUTE","source":"id","destination":"_id"},
      {"sourceType":"ATTRIBUTE","source":"price","destination":"order.price"},
      {"sourceType":"ATTRIBUTE","source":"discount","destination":"order.discount"},
      {"sourceType":"ATTRIBUTE","source":"total","destination":"order.total"}]})"),
                                          201)
                               .json(),
                           "id");
  const auto lines = landed_lines(orders_flow(
      spec_id_,
      boost::json::array{
          {{"name", "Mapping"}, {"params", {{"mappingId", mapping}, {"mappingVersion", "0"}}}}}));
  EXPECT_EQ(lines, std::vector<std::string>{
                       R"({"_id":"o1","order":{"price":1.5,"discount":0.1,"total":100.0}})"});
}

TEST_F(NumberSpellingTest, AConnectionSpecComesBackWithItsDoubles) {
  auto spec = parse_object(mailchimp_named("Tuned"));
  auto& attributes = spec["sourceSpec"].as_object()["attributes"].as_object();
  attributes["paginationParams"].as_object()["pageRatio"] = 0.5;
  spec["sourceSpec"].as_object()["spec"].as_object()["properties"] = boost::json::parse(
      R"({"listId": {"type": "string"}, "rate": {"type": "number", "default": 100.0,
          "minimum": 0.1, "multipleOf": 1.5}})");
  const std::string id = str(create_connection_spec(boost::json::serialize(spec)), "id");
  const std::string text = stored_text(kConnectionSpecs, id);
  EXPECT_NE(text.find(R"("limitValue":"100","offSetName":"offset","pageRatio":0.5})"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("properties":{"listId":{"type":"string"},"rate":{"type":"number",)"
                      R"("default":100.0,"minimum":0.1,"multipleOf":1.5}})"),
            std::string::npos)
      << text;
}

TEST_F(NumberSpellingTest, AConnectionComesBackWithItsDoubles) {
  auto connection = parse_object(basic_connection(spec_id_, "s3cret"));
  connection["connectionSpec"].as_object()["version"] = 1.0;
  connection["tuning"] = boost::json::parse(R"({"ratio": 0.1, "limit": 100.0, "step": 1.5})");
  const std::string id = create(kConnections, boost::json::serialize(connection));
  const std::string text = stored_text(kConnections, id);
  EXPECT_NE(text.find(R"("connectionSpec":{"id":")" + spec_id_ + R"(","version":1.0})"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("tuning":{"ratio":0.1,"limit":100.0,"step":1.5})"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace hw::test
