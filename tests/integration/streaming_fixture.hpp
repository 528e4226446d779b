#pragma once
// Shared by the streaming integration tests: the real binary with a config of the test's
// choosing (short windows), the Streaming SDK tutorial's chain built from the seed's spec
// through the API, signed posts to the inlet, and what landed read back through runs and the
// Data Access API.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {

inline constexpr std::string_view kStreamConnections = "/data/foundation/flowservice/connections";
inline constexpr std::string_view kStreamSources = "/data/foundation/flowservice/sourceConnections";
inline constexpr std::string_view kStreamTargets = "/data/foundation/flowservice/targetConnections";
inline constexpr std::string_view kStreamFlows = "/data/foundation/flowservice/flows";
inline constexpr std::string_view kStreamRuns = "/data/foundation/flowservice/runs";
inline constexpr std::string_view kStreamMappingSets = "/data/foundation/conversion/mappingSets";
inline constexpr std::string_view kSecret = "webhook-s3cret";

// Lower-case hex HMAC-SHA256, computed here with OpenSSL rather than with the server's code.
inline std::string sign(std::string_view body, std::string_view secret) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

// A message in the XDM envelope of streaming-ingestion.yaml, around `entity`.
inline std::string enveloped(const boost::json::object& entity) {
  return boost::json::serialize(boost::json::object{
      {"header",
       {{"schemaRef",
         {{"id", "https://ns.adobe.com/tenant/schemas/events"},
          {"contentType", "application/vnd.adobe.xed-full+json;version=1"}}},
        {"imsOrgId", "TESTORG@AdobeOrg"},
        {"datasetId", "any"},
        {"flowId", "any"}}},
      {"body",
       {{"xdmMeta", {{"schemaRef", {{"id", "https://ns.adobe.com/tenant/schemas/events"}}}}},
        {"xdmEntity", entity}}}});
}

// Settings every streaming test starts from: one-second windows, so events land quickly.
inline boost::json::object streaming_config() {
  return {{"streaming", {{"windowSeconds", 1}}}};
}

class StreamingTest : public ::testing::Test {
 protected:
  explicit StreamingTest(boost::json::object config = streaming_config())
      : config_path_(write_config(dir_, config)) {}

  static std::string write_config(const TempDir& dir, const boost::json::object& config) {
    const std::string path = dir.path() + "/headwater.json";
    std::ofstream(path) << boost::json::serialize(config);
    return path;
  }

  // The links of one streaming dataflow, and the inlet it got.
  struct Stream {
    std::string spec;
    std::string connection;
    std::string source;
    std::string dataset;
    std::string target;
    std::string flow;
    std::string inlet_id;
    std::string inlet_url;
  };

  std::string create(std::string_view base, const boost::json::object& body) {
    const auto response = require_status(client_.post(base, boost::json::serialize(body)), 201);
    return str(response.json(), "id");
  }

  boost::json::object get(std::string_view base, std::string_view id) {
    return only_item(require_status(client_.get(join(base, id)), 200));
  }

  // The seed's spec, verbatim, added to GenericStreamingAEP as the tutorial does.
  std::string register_seed_spec() {
    const auto spec = require_status(client_.post(kConnectionSpecs, seed_streaming_body()), 201);
    const std::string id = str(spec.json(), "id");
    const auto flow_spec = require_status(client_.get(flow_spec_path(kGenericStreamingAep)), 200);
    auto body = only_item(flow_spec);
    body["sourceConnectionSpecIds"].as_array().emplace_back(id);
    require_status(client_.put(flow_spec_path(kGenericStreamingAep), boost::json::serialize(body),
                               {{"If-Match", flow_spec.headers.at("ETag")}}),
                   200);
    return id;
  }

  static boost::json::object hmac_auth(std::string_view secret) {
    return {{"specName", "HMAC Authentication"}, {"params", {{"secret", secret}}}};
  }

  // Spec, connection (`auth`), source connection, dataset, target connection and a flow on
  // GenericStreamingAEP, with `mapping_id` as its Mapping when given.
  Stream create_stream(const boost::json::object& auth = hmac_auth(kSecret),
                       std::string_view mapping_id = {}) {
    Stream s;
    s.spec = spec_id_.empty() ? (spec_id_ = register_seed_spec()) : spec_id_;
    const boost::json::object spec_ref{{"id", s.spec}, {"version", "1.0"}};
    s.connection = create(kStreamConnections,
                          {{"name", "ACME webhook"}, {"connectionSpec", spec_ref}, {"auth", auth}});
    const auto params = get(kStreamConnections, s.connection).at("auth").at("params");
    s.inlet_id = str(params, "inletId");
    s.inlet_url = str(params, "inletUrl");
    s.source = create(kStreamSources, {{"name", "ACME events"},
                                       {"baseConnectionId", s.connection},
                                       {"connectionSpec", spec_ref}});
    const auto dataset = require_status(client_.post(kDataSets, R"({"name":"events"})"), 201);
    const std::string ref(dataset.json().as_array().at(0).as_string());
    s.dataset = ref.substr(ref.rfind('/') + 1);
    s.target =
        create(kStreamTargets, {{"name", "events dataset"},
                                {"connectionSpec", {{"id", kDataLakeSpec}, {"version", "1.0"}}},
                                {"data", {{"format", "parquet_xdm"}}},
                                {"params", {{"dataSetId", s.dataset}}}});
    boost::json::object flow{{"name", "ACME events to the data lake"},
                             {"flowSpec", {{"id", kGenericStreamingAep}, {"version", "1.0"}}},
                             {"sourceConnectionIds", boost::json::array{s.source}},
                             {"targetConnectionIds", boost::json::array{s.target}}};
    if (!mapping_id.empty()) {
      flow["transformations"] = boost::json::array{
          {{"name", "Mapping"}, {"params", {{"mappingId", mapping_id}, {"mappingVersion", "0"}}}}};
    }
    s.flow = create(kStreamFlows, flow);
    return s;
  }

  // The server comes back on a new port: the client follows it.
  void restart_server() {
    server_.restart();
    client_ = HttpClient(server_.base_url());
  }

  HttpResponse post_signed(std::string_view path, std::string_view body,
                           std::string_view secret = kSecret, HeaderList headers = {}) {
    headers.emplace_back("x-hmac-sha256", sign(body, secret));
    return client_.post(path, body, headers);
  }

  static std::string single_path(const Stream& s) { return "/collection/" + s.inlet_id; }
  static std::string batch_path(const Stream& s) { return "/collection/batch/" + s.inlet_id; }

  // The flow's runs so far, oldest first.
  std::vector<boost::json::object> runs_of(std::string_view flow) {
    const auto list = require_status(client_.get(std::string(kStreamRuns) + "?property=flowId==" +
                                                 std::string(flow) + "&limit=100"),
                                     200)
                          .json();
    std::vector<boost::json::object> out;
    for (const auto& run : list.at("items").as_array()) out.push_back(run.as_object());
    return out;
  }

  static std::int64_t summary(const boost::json::object& run, std::string_view key) {
    return run.at("metrics").at("recordSummary").at(key).to_number<std::int64_t>();
  }

  // Totals of the flow's runs: received (input), landed (output) and failed.
  std::map<std::string, std::int64_t> totals(std::string_view flow) {
    std::map<std::string, std::int64_t> out;
    for (const auto& run : runs_of(flow)) {
      for (const auto* key : {"inputRecordCount", "outputRecordCount", "failedRecordCount"})
        out[key] += summary(run, key);
    }
    return out;
  }

  // Polls, bounded, until the flow's runs have received `events`.
  void wait_for_received(std::string_view flow, std::int64_t events,
                         std::chrono::seconds timeout = std::chrono::seconds(30)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (totals(flow)["inputRecordCount"] < events) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "the flow's runs received " << totals(flow)["inputRecordCount"]
                      << " event(s), not " << events;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  // The lines of one of a batch's series: "files" (records) or "failed".
  std::vector<boost::json::object> lines_of(std::string_view batch, std::string_view series) {
    const std::string export_base = "/data/foundation/export";
    std::vector<std::string> hrefs;
    // Parsed into locals: a range-for over a member of a temporary would dangle.
    if (series == "failed") {
      const auto listing =
          require_status(client_.get(export_base + "/batches/" + std::string(batch) + "/failed"),
                         200)
              .json();
      for (const auto& part : listing.at("data").as_array())
        hrefs.push_back(str(part.at("_links").at("self"), "href"));
    } else {
      const auto files =
          require_status(client_.get(export_base + "/batches/" + std::string(batch) + "/files"),
                         200)
              .json();
      for (const auto& file : files.at("data").as_array()) {
        const auto parts =
            require_status(client_.get(export_base + "/files/" + str(file, "dataSetFileId")), 200)
                .json();
        for (const auto& part : parts.at("data").as_array())
          hrefs.push_back(str(part.at("_links").at("self"), "href"));
      }
    }
    std::vector<boost::json::object> out;
    for (const auto& href : hrefs) {
      std::istringstream lines(require_status(client_.get(href), 200).body);
      for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
    }
    return out;
  }

  // Every record (or failed line) the flow's runs landed, through the Data Access API.
  std::vector<boost::json::object> landed(std::string_view flow,
                                          std::string_view series = "files") {
    std::vector<boost::json::object> out;
    for (const auto& run : runs_of(flow)) {
      const auto batch = str(run.at("activities").at(0), "id");
      for (auto& line : lines_of(batch, series)) out.push_back(std::move(line));
    }
    return out;
  }

  TempDir dir_;
  std::string config_path_;
  ServerProcess server_{dir_.path() + "/data", {"--config", config_path_}};
  HttpClient client_{server_.base_url()};
  std::string spec_id_;
};

}  // namespace hw::test
