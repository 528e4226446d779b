#pragma once
// Shared by the dataflow integration tests (connections, flows, runs): builds the chain of
// Adobe's batch tutorial, spec → connection → source connection → dataset → target
// connection → flow, against the real binary.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {

inline constexpr std::string_view kConnections = "/data/foundation/flowservice/connections";
inline constexpr std::string_view kSourceConnections =
    "/data/foundation/flowservice/sourceConnections";
inline constexpr std::string_view kTargetConnections =
    "/data/foundation/flowservice/targetConnections";
inline constexpr std::string_view kFlows = "/data/foundation/flowservice/flows";
inline constexpr std::string_view kMappingSets = "/data/foundation/conversion/mappingSets";
inline constexpr std::string_view kPassword = "s3cr3t-Pa55word";

// Every test starts with the MailChimp connection spec of Adobe's docs registered.
class DataflowTest : public ServerTest {
 protected:
  // The links a flow names, all in the caller's scope.
  struct Chain {
    std::string connection;
    std::string source;
    std::string dataset;
    std::string target;
  };

  void SetUp() override { spec_id_ = str(create_connection_spec(mailchimp_create_body()), "id"); }

  static std::string basic_connection(std::string_view spec_id, std::string_view password) {
    return boost::json::serialize(boost::json::object{
        {"name", "MailChimp members"},
        {"auth",
         {{"specName", "Basic Authentication"},
          {"params",
           {{"host", "https://us1.api.example"}, {"username", "ann"}, {"password", password}}}}},
        {"connectionSpec", {{"id", spec_id}, {"version", "1.0"}}}});
  }

  // POSTs a Flow Service resource that answers 201 {"id","etag"}; returns the id.
  std::string create(std::string_view base, const std::string& body) {
    const auto response = require_status(client_.post(base, body), 201);
    const auto created = response.json().as_object();
    EXPECT_EQ(created.size(), 2U) << response.body;  // {"id","etag"}
    EXPECT_EQ(response.headers.at("ETag"), str(created, "etag"));
    return str(created, "id");
  }

  std::string create_connection() {
    return create(kConnections, basic_connection(spec_id_, kPassword));
  }

  std::string create_source(std::string_view connection_id, boost::json::value list_id = "abc123") {
    return create(kSourceConnections,
                  boost::json::serialize(boost::json::object{
                      {"name", "members of one list"},
                      {"baseConnectionId", connection_id},
                      {"connectionSpec", {{"id", spec_id_}, {"version", "1.0"}}},
                      {"data", {{"format", "json"}}},
                      {"params", {{"listId", list_id}}}}));
  }

  std::string create_dataset() {
    const auto response = require_status(client_.post(kDataSets, R"({"name":"members"})"), 201);
    const std::string ref(response.json().as_array().at(0).as_string());
    return ref.substr(ref.rfind('/') + 1);  // "@/dataSets/{id}"
  }

  static std::string target_body(std::string_view dataset_id) {
    return boost::json::serialize(
        boost::json::object{{"name", "members dataset"},
                            {"connectionSpec", {{"id", kDataLakeSpec}, {"version", "1.0"}}},
                            {"data", {{"format", "parquet_xdm"}}},
                            {"params", {{"dataSetId", dataset_id}}}});
  }

  // A mapping set of one attribute mapping; returns its id.
  std::string create_mapping_set() {
    const auto body = R"({"xdmSchema": "https://ns.adobe.com/tenant/schemas/members",
        "mappings": [{"sourceType": "ATTRIBUTE", "source": "email.email_id",
                      "destination": "_id"}]})";
    return str(require_status(client_.post(kMappingSets, body), 201).json(), "id");
  }

  // The tutorial's order: the spec added to RestStorageToAEP (as an author registers a
  // source), then connection, source connection, dataset and target connection.
  Chain create_chain() {
    require_status(add_source(kRestStorageToAep, spec_id_), 200);
    Chain chain;
    chain.connection = create_connection();
    chain.source = create_source(chain.connection);
    chain.dataset = create_dataset();
    chain.target = create(kTargetConnections, target_body(chain.dataset));
    return chain;
  }

  // The tutorial's flow request on RestStorageToAEP, with numbers where its flow spec's
  // scheduleSpec wants integers: every 15 minutes from startTime (epoch seconds).
  static boost::json::object flow_body(const Chain& chain) {
    return boost::json::object{
        {"name", "MailChimp members to the data lake"},
        {"description", "every 15 minutes"},
        {"flowSpec", {{"id", kRestStorageToAep}, {"version", "1.0"}}},
        {"sourceConnectionIds", boost::json::array{chain.source}},
        {"targetConnectionIds", boost::json::array{chain.target}},
        {"scheduleParams", {{"startTime", 1567411548}, {"frequency", "minute"}, {"interval", 15}}}};
  }

  std::string create_flow(const Chain& chain) {
    return create(kFlows, boost::json::serialize(flow_body(chain)));
  }

  boost::json::object get(std::string_view base, std::string_view id) {
    return only_item(require_status(client_.get(join(base, id)), 200));
  }

  HttpResponse patch(std::string_view base, std::string_view id, std::string_view ops,
                     const HeaderList& headers = {}) {
    return client_.patch(join(base, id), ops, headers);
  }

  std::string spec_id_;
};

}  // namespace hw::test
