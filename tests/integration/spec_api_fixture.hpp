#pragma once
// Shared by the spec-registry integration tests: the real binary on an ephemeral
// port, the documents the tests replay, and small readers for Adobe's JSON shapes.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "spec/builtin_ids.hpp"
#include "support/fixtures.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace hw::test {

using spec::kDataLakeSpec;
using spec::kGenericRestSpec;
using spec::kGenericStreamingAep;
using spec::kGenericStreamingSpec;
using spec::kRestStorageToAep;

inline constexpr std::string_view kConnectionSpecs = "/data/foundation/flowservice/connectionSpecs";
inline constexpr std::string_view kFlowSpecs = "/data/foundation/flowservice/flowSpecs";
inline constexpr std::string_view kDataSets = "/data/foundation/catalog/dataSets";

inline constexpr std::string_view kOffSetNamePath =
    "sourceSpec.attributes.paginationParams.offSetName";

inline std::string join(std::string_view base, std::string_view id) {
  return std::string(base) + "/" + std::string(id);
}

inline std::string connection_spec_path(std::string_view id) {
  return join(kConnectionSpecs, id);
}
inline std::string flow_spec_path(std::string_view id) {
  return join(kFlowSpecs, id);
}

// ---- documents replayed verbatim -------------------------------------------------------

inline std::string connection_specs_doc() {
  return read_file(shared_path("reference/adobe-docs/api__connection-specs.md"));
}

// The seed's streaming spec request, duplicate keys and all.
inline std::string seed_streaming_body() {
  return extract_curl_body(read_file(shared_path("seeds/000_6da393f14679e630.txt")));
}

// The MailChimp batch spec the docs POST.
inline std::string mailchimp_create_body() {
  return extract_curl_body(connection_specs_doc());
}

// The docs' update request is written `PUT -X GET …`, not `curl …`, so extract_curl_body
// does not see it; its body is the first `-d '…'` after the "Update" heading.
inline std::string mailchimp_update_body() {
  const std::string doc = connection_specs_doc();
  const auto heading = doc.find("## Update a connection specification");
  const auto open = doc.find("-d '", heading);
  if (heading == std::string::npos || open == std::string::npos) {
    throw std::runtime_error("the update request is missing from api__connection-specs.md");
  }
  const auto start = open + 4;
  return doc.substr(start, doc.find('\'', start) - start);
}

// Suppresses every header the client adds by itself: /health and /metrics need none.
inline HeaderList without_adobe_headers() {
  return {
      {"Authorization", ""}, {"x-api-key", ""}, {"x-gw-ims-org-id", ""}, {"x-sandbox-name", ""}};
}

// ---- JSON helpers -------------------------------------------------------------------------

inline boost::json::object parse_object(std::string_view text) {
  return boost::json::parse(text).as_object();
}

inline std::string str(const boost::json::value& v, std::string_view key) {
  return std::string(v.as_object().at(key).as_string());
}

// Removes the member at `path` (object keys from the root); throws when a step is missing so
// a test never silently checks an unchanged document.
inline void erase_at(boost::json::object& root, std::initializer_list<std::string_view> path) {
  boost::json::object* node = &root;
  auto step = path.begin();
  for (; std::next(step) != path.end(); ++step) node = &node->at(*step).as_object();
  if (node->erase(*step) != 1) throw std::runtime_error("no member " + std::string(*step));
}

// The MailChimp spec with its name (and optionally its description) replaced: a valid batch
// spec whose content the tests can tell apart.
inline std::string mailchimp_named(std::string_view name, std::string_view description = {}) {
  auto spec = parse_object(mailchimp_create_body());
  spec["name"] = name;
  if (!description.empty()) spec["description"] = description;
  return boost::json::serialize(spec);
}

// The MailChimp spec without `offSetName`, the canonical invalid OFFSET spec.
inline boost::json::object mailchimp_without_offset_name() {
  auto spec = parse_object(mailchimp_create_body());
  erase_at(spec, {"sourceSpec", "attributes", "paginationParams", "offSetName"});
  return spec;
}

// The MailChimp spec with a second auth entry, KeyBased "API Key", whose key goes in the
// query as `apikey`.
inline boost::json::object mailchimp_with_api_key() {
  auto spec = parse_object(mailchimp_create_body());
  spec["authSpec"].as_array().push_back(boost::json::parse(R"({
      "name": "API Key", "type": "KeyBased",
      "spec": {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
               "properties": {"host": {"type": "string"},
                              "apikey": {"type": "string", "format": "password",
                                         "restAttributes": {"queryParamName": "apikey"}}},
               "required": ["host", "apikey"]}})"));
  return spec;
}

// ---- response readers -----------------------------------------------------------------------

// Throws (so GoogleTest reports it with the body) unless the status is `expected`.
inline const HttpResponse& require_status(const HttpResponse& response, long expected) {
  if (response.status != expected) {
    throw std::runtime_error("expected HTTP " + std::to_string(expected) + ", got " +
                             std::to_string(response.status) + ": " + response.body);
  }
  return response;
}

// The one object of a GET-by-id answer ({"items":[obj]}).
inline boost::json::object only_item(const HttpResponse& response) {
  const auto items = response.json().at("items").as_array();
  if (items.size() != 1) throw std::runtime_error("expected one item: " + response.body);
  return items.front().as_object();
}

// A copy: a range-for over `response.json().at(…)` would outlive the parsed temporary.
inline boost::json::array errors_of(const HttpResponse& response) {
  return response.json().at("errors").as_array();
}

inline std::vector<std::string> error_paths(const HttpResponse& response) {
  std::vector<std::string> paths;
  for (const auto& e : errors_of(response)) paths.push_back(str(e, "path"));
  return paths;
}

// Whether the error answer lists a problem at exactly `path`; on failure, says what it listed.
inline ::testing::AssertionResult has_error_at(const HttpResponse& response,
                                               std::string_view path) {
  for (const auto& p : error_paths(response))
    if (p == path) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no error at '" << path << "' in " << response.body;
}

inline std::string error_message_at(const HttpResponse& response, std::string_view path) {
  for (const auto& e : errors_of(response))
    if (str(e, "path") == path) return str(e, "message");
  throw std::runtime_error("no error at " + std::string(path) + ": " + response.body);
}

inline std::vector<std::string> names_of(const boost::json::array& items) {
  std::vector<std::string> names;
  for (const auto& item : items) names.push_back(str(item, "name"));
  return names;
}

inline std::set<std::string> ids_of(const boost::json::array& items) {
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(str(item, "id"));
  return ids;
}

// The methods of a 405's Allow header ("GET, PUT"), in any order.
inline std::set<std::string> allowed_methods(const HttpResponse& response) {
  std::set<std::string> methods;
  std::string_view rest = response.headers.at("Allow");
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view method = rest.substr(0, comma);
    while (method.starts_with(' ')) method.remove_prefix(1);
    methods.emplace(method);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return methods;
}

// Every error answer has the one shape of DESIGN §2, with `status` matching the HTTP status.
inline void expect_error(const HttpResponse& response, long status, std::string_view code) {
  EXPECT_EQ(response.status, status) << response.body;
  const auto body = response.json().as_object();
  EXPECT_EQ(body.at("code").as_string(), code) << response.body;
  EXPECT_TRUE(body.at("message").is_string()) << response.body;
  EXPECT_EQ(body.at("status").to_number<long>(), status) << response.body;
  EXPECT_TRUE(body.at("errors").is_array()) << response.body;
}

// ---- the fixture ----------------------------------------------------------------------------

// One fresh server and data dir per test, so tests never see each other's specs.
class ServerTest : public ::testing::Test {
 protected:
  // POSTs a connection spec and returns the stored object.
  boost::json::object create_connection_spec(std::string_view body) {
    return require_status(client_.post(kConnectionSpecs, body), 201).json().as_object();
  }

  boost::json::object get_connection_spec(std::string_view id) {
    return only_item(require_status(client_.get(connection_spec_path(id)), 200));
  }

  boost::json::object get_flow_spec(std::string_view id) {
    return only_item(require_status(client_.get(flow_spec_path(id)), 200));
  }

  // The documented edit of a flow spec: GET it, change it, PUT it back with If-Match.
  HttpResponse edit_flow_spec(std::string_view id,
                              const std::function<void(boost::json::object&)>& edit) {
    const auto response = require_status(client_.get(flow_spec_path(id)), 200);
    auto spec = only_item(response);
    edit(spec);
    return client_.put(flow_spec_path(id), boost::json::serialize(spec),
                       {{"If-Match", response.headers.at("ETag")}});
  }

  // How an author registers a new source: its id appended to sourceConnectionSpecIds.
  HttpResponse add_source(std::string_view flow_spec_id, std::string_view id) {
    return edit_flow_spec(flow_spec_id, [&](boost::json::object& spec) {
      spec["sourceConnectionSpecIds"].as_array().emplace_back(id);
    });
  }

  // The number of connection specs in the caller's scope, by the API's own count.
  long connection_spec_count() {
    const auto list =
        require_status(client_.get(std::string(kConnectionSpecs) + "?count=true"), 200);
    return list.json().at("count").to_number<long>();
  }

  TempDir dir_;
  ServerProcess server_{dir_.path()};
  HttpClient client_{server_.base_url()};
};

}  // namespace hw::test
