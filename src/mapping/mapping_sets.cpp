#include "mapping/mapping_sets.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "http/error.hpp"
#include "json/serialize.hpp"
#include "mapping/mapping_set.hpp"
#include "util/ids.hpp"

namespace hw::mapping {
namespace {

// The server's fields; the same keys in a client's body (Adobe's examples send
// "id": null and "version": 0) are ignored.
constexpr std::array<std::string_view, 6> kMetadataKeys = {
    "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy"};

bool is_metadata_key(std::string_view key) {
  return std::find(kMetadataKeys.begin(), kMetadataKeys.end(), key) != kMetadataKeys.end();
}

// Data Prep ids are 32 hex digits without dashes (data-prep.yaml's examples).
std::string new_mapping_set_id() {
  std::string id = util::new_uuid();
  std::erase(id, '-');
  return id;
}

// Dates are epoch milliseconds, as every response example in data-prep.yaml and Adobe's
// tutorials shows them (the schema's "date-time" format is not what the service returns).
boost::json::object stamp(const boost::json::object& content, const resource::Caller& caller,
                          std::string_view id, std::int64_t now_ms) {
  boost::json::object out;
  out.reserve(content.size() + kMetadataKeys.size());
  out["id"] = id;
  out["version"] = 0;
  out["createdDate"] = now_ms;
  out["modifiedDate"] = now_ms;
  out["createdBy"] = caller.user;
  out["modifiedBy"] = caller.user;
  for (const auto& [key, value] : content)
    if (!is_metadata_key(key)) out[key] = value;
  return out;
}

void require_valid(const boost::json::value& body) {
  auto compiled = MappingSet::compile(body);
  if (auto* issues = std::get_if<std::vector<spec::Issue>>(&compiled)) {
    throw http::bad_request("the mapping set is invalid; every problem is listed in errors[]",
                            std::move(*issues));
  }
}

}  // namespace

boost::json::object MappingSets::create(const resource::Caller& caller,
                                        const boost::json::value& body) {
  require_valid(body);
  store::Document doc;
  doc.id = new_mapping_set_id();
  doc.etag = util::new_etag();
  doc.created_at = doc.updated_at = util::now_ms();
  auto object = stamp(body.as_object(), caller, doc.id, doc.created_at);
  doc.body = hw::json::serialize(object);
  if (documents_.store().insert(kMappingSetsKind, caller.scope, doc) != store::WriteResult::ok)
    throw http::ApiError(409, "CONFLICT", "mapping set '" + doc.id + "' already exists");
  return object;
}

store::Document MappingSets::require(const store::Scope& scope, std::string_view id) const {
  return documents_.require(scope, id);
}

store::ListResult MappingSets::list(const store::Scope& scope,
                                    const store::ListQuery& query) const {
  return documents_.store().list(kMappingSetsKind, scope, query);
}

}  // namespace hw::mapping
