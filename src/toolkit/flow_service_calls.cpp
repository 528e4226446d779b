#include "toolkit/flow_service_calls.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "json/access.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"

namespace hw::toolkit::calls {
namespace {

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
  const auto& r = expect(client.send("POST", path, hw::json::serialize(body)), 201, "POST", path);
  const auto answer = body_of(r, path);
  const auto id = answer.is_object() ? json::string_at(answer.get_object(), "id") : "";
  if (id.empty()) throw std::runtime_error("POST " + path + " answered without an id");
  return id;
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

}  // namespace hw::toolkit::calls
