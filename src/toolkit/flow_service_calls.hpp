#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include "toolkit/api_client.hpp"

// The Flow Service, Catalog and Data Access calls `headwater verify` makes, each throwing
// std::runtime_error with the server's answer (ApiResponse::describe_error) when it is not
// the one the API promises.
namespace hw::toolkit::calls {

inline constexpr std::string_view kFlowService = "/data/foundation/flowservice";

// The first element of `o[key]` when it is an array whose first element is an object, else
// an empty object: how runs hold their activity and errors.
const boost::json::object& first_of(const boost::json::object& o, std::string_view key);

// GET {"items":[obj]} -> obj.
boost::json::object get_item(ApiClient& client, const std::string& path);
// POST answering 201 {"id", …} -> the id.
std::string create(ApiClient& client, const std::string& path, const boost::json::object& body);
void delete_flow(ApiClient& client, const std::string& flow_id);
// The flow's runs, oldest first.
boost::json::array runs_of(ApiClient& client, const std::string& flow_id);

}  // namespace hw::toolkit::calls
