#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "resource/caller.hpp"
#include "resource/documents.hpp"
#include "store/store.hpp"

namespace hw::mapping {

inline constexpr std::string_view kMappingSetsKind = "mappingSets";

// Data Prep mapping sets, stored as kind "mappingSets" with Data Prep's metadata
// (data-prep.yaml SimpleRepresentation: id, version, createdDate, modifiedDate, createdBy,
// modifiedBy) in place of Flow Service's, then the client's content as sent.
class MappingSets {
 public:
  explicit MappingSets(store::Store& store)
      : documents_(store, std::string(kMappingSetsKind), "mapping set") {}

  // Stores `body` (a JSON object) and returns the stored object; ApiError 400 listing
  // every problem unless its mappings compile (MappingSet::compile), so a stored set
  // always runs.
  boost::json::object create(const resource::Caller& caller, const boost::json::value& body);
  // Throws ApiError 404 when absent.
  store::Document require(const store::Scope& scope, std::string_view id) const;
  store::ListResult list(const store::Scope& scope, const store::ListQuery& query) const;

 private:
  resource::Documents documents_;
};

}  // namespace hw::mapping
