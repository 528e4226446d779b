#include "toolkit/flow_service_calls.hpp"

#include <boost/json.hpp>

#include <sstream>
#include <stdexcept>

#include "json/access.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"

namespace hw::toolkit::calls {
namespace {

constexpr std::string_view kDataSets = "/data/foundation/catalog/dataSets";
constexpr std::string_view kExport = "/data/foundation/export";

ApiResponse expect(ApiResponse response, long status, std::string_view method,
                   const std::string& path) {
  if (response.status != status)
    throw std::runtime_error(std::string(method) + " " + path + " answered " +
                             response.describe_error());
  return response;
}

boost::json::value body_of(const ApiResponse& response, const std::string& path) {
  auto parsed = json::parse(response.body);
  if (!parsed.ok) throw std::runtime_error(path + " answered something other than JSON");
  return std::move(parsed.value);
}

boost::json::object object_of(const ApiResponse& response, const std::string& path) {
  auto body = body_of(response, path);
  if (!body.is_object())
    throw std::runtime_error(path + " answered something other than an object");
  return std::move(body.get_object());
}

}  // namespace

const boost::json::object& first_of(const boost::json::object& o, std::string_view key) {
  static const boost::json::object kEmpty;
  const auto* v = o.if_contains(key);
  if (!v || !v->is_array() || v->get_array().empty() || !v->get_array()[0].is_object())
    return kEmpty;
  return v->get_array()[0].get_object();
}

boost::json::object get_item(ApiClient& client, const std::string& path) {
  const auto body = object_of(expect(client.send("GET", path), 200, "GET", path), path);
  const auto& item = first_of(body, "items");
  if (item.empty()) throw std::runtime_error("GET " + path + " answered no item");
  return item;
}

std::string create(ApiClient& client, const std::string& path, const boost::json::object& body) {
  const auto& r =
      expect(client.send("POST", path, hw::json::serialize(body)), 201, "POST", path);
  const auto answer = body_of(r, path);
  const auto id = answer.is_object() ? json::string_at(answer.get_object(), "id") : "";
  if (id.empty()) throw std::runtime_error("POST " + path + " answered without an id");
  return id;
}

std::string create_dataset(ApiClient& client, const std::string& name) {
  const std::string path(kDataSets);
  const auto& r =
      expect(client.send("POST", path, hw::json::serialize(boost::json::object{{"name", name}})),
             201, "POST", path);
  // Catalog answers ["@/dataSets/{id}"].
  const auto answer = body_of(r, path);
  const auto* ref = answer.is_array() && !answer.get_array().empty()
                        ? answer.get_array()[0].if_string()
                        : nullptr;
  if (!ref) throw std::runtime_error("POST " + path + " answered without a dataset reference");
  const std::string_view text = *ref;
  return std::string(text.substr(text.rfind('/') + 1));
}

void require_dataset(ApiClient& client, const std::string& id) {
  const std::string path = std::string(kDataSets) + "/" + id;
  expect(client.send("GET", path), 200, "GET", path);
}

void delete_flow(ApiClient& client, const std::string& flow_id) {
  const std::string path = std::string(kFlowService) + "/flows/" + flow_id;
  expect(client.send("DELETE", path), 204, "DELETE", path);
}

boost::json::array runs_of(ApiClient& client, const std::string& flow_id) {
  const std::string path =
      std::string(kFlowService) + "/runs?property=flowId==" + flow_id + "&limit=100";
  const auto body = object_of(expect(client.send("GET", path), 200, "GET", path), path);
  const auto* items = body.if_contains("items");
  return items && items->is_array() ? items->get_array() : boost::json::array();
}

boost::json::array batch_sample(ApiClient& client, const std::string& batch_id, std::size_t n) {
  const std::string files_path = std::string(kExport) + "/batches/" + batch_id + "/files";
  const auto files =
      object_of(expect(client.send("GET", files_path), 200, "GET", files_path), files_path);
  const auto file_id = json::string_at(first_of(files, "data"), "dataSetFileId");
  boost::json::array sample;
  if (file_id.empty()) return sample;
  const std::string parts_path = std::string(kExport) + "/files/" + file_id;
  const auto parts =
      object_of(expect(client.send("GET", parts_path), 200, "GET", parts_path), parts_path);
  const auto& part = first_of(parts, "data");
  const auto href =
      json::string_at(json::object_at(json::object_at(part, "_links"), "self"), "href");
  if (href.empty()) return sample;
  std::istringstream lines(expect(client.send("GET", href), 200, "GET", href).body);
  for (std::string line; sample.size() < n && std::getline(lines, line);) {
    const auto record = json::parse(line);
    if (record.ok) sample.push_back(record.value);
  }
  return sample;
}

}  // namespace hw::toolkit::calls
