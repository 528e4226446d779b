#pragma once
#include <boost/json/object.hpp>

#include <cstdint>
#include <string_view>

#include "resource/caller.hpp"

namespace hw::dataset {

// The stored form of a new Catalog object (a dataset, a batch): Catalog's metadata (id,
// version "1.0.0", imsOrg, created, updated, createdClient, createdUser, updatedUser)
// then `content`.
// Catalog names these differently from Flow Service (createdAt, createdBy, imsOrgId,
// etag), hence a stamp of its own rather than resource::stamp. Metadata is the server's:
// the same keys in `content` are ignored.
boost::json::object stamp_catalog_metadata(const boost::json::object& content,
                                           const resource::Caller& caller, std::string_view id,
                                           std::int64_t now_ms);

}  // namespace hw::dataset
