#pragma once
#include <string>

#include "toolkit/api_client.hpp"

// The Catalog dataset calls of `headwater dataset` and `headwater verify`. Each throws
// std::runtime_error whose message is the server's answer as ApiResponse::describe_error gives it
// ("404 NOT_FOUND: …"), so the command prints it after its own name and nothing else.
namespace hw::toolkit {

inline constexpr std::string_view kCatalogDataSets = "/data/foundation/catalog/dataSets";

// POST /catalog/dataSets {"name": name} -> the new dataset's id.
std::string create_dataset(ApiClient& client, const std::string& name);
// GET /catalog/dataSets/{id}: returns when the dataset exists in the client's scope.
void require_dataset(ApiClient& client, const std::string& id);

}  // namespace hw::toolkit
