#include "dataset/dataset_metadata.hpp"

#include <array>

namespace hw::dataset {
namespace {

// The server-owned fields of catalog.yaml's dataSetResponse (the readOnly ones, and
// imsOrg, which comes from the header), plus `id`: Catalog keys its answers by id, and
// Headwater also keeps it inside the object so a list can be keyed from the stored
// bodies alone.
constexpr std::array<std::string_view, 8> kMetadataKeys = {
    "id", "created", "updated", "createdUser", "createdClient", "updatedUser", "imsOrg", "version"};

bool is_metadata_key(std::string_view key) {
  for (auto k : kMetadataKeys)
    if (k == key) return true;
  return false;
}

}  // namespace

boost::json::object stamp_catalog_metadata(const boost::json::object& content,
                                           const resource::Caller& caller, std::string_view id,
                                           std::int64_t now_ms) {
  boost::json::object out;
  out.reserve(content.size() + kMetadataKeys.size());
  out["id"] = id;
  out["version"] = "1.0.0";
  out["imsOrg"] = caller.scope.org;
  out["created"] = now_ms;
  out["updated"] = now_ms;
  out["createdClient"] = caller.client;
  out["createdUser"] = caller.user;
  out["updatedUser"] = caller.user;
  for (const auto& [key, value] : content)
    if (!is_metadata_key(key)) out[key] = value;
  return out;
}

}  // namespace hw::dataset
