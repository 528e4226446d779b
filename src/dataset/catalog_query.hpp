#pragma once
#include <span>
#include <string_view>

#include "http/message.hpp"
#include "store/store.hpp"

namespace hw::dataset {

// Catalog's list limits (filter-data guide): 20 objects unless `limit` says otherwise, at
// most 100.
inline constexpr std::size_t kCatalogDefaultLimit = 20;
inline constexpr std::size_t kCatalogMaxLimit = 100;

// Reads Catalog's list parameters: `limit` (1..100), `start` (an offset), `orderBy`
// (`created`, `asc:created`, `desc:name`: one field), `property` (the same syntax as Flow
// Service's, e.g. `name==x`, `created>123`) and, for each name in `simple_filters`, a
// plain `name=value` equality filter. The default order is `created` ascending, ties by
// id, so paging with `start` visits every object once. Throws ApiError 400 naming the bad
// parameter as `query.<name>`.
store::ListQuery parse_catalog_query(const http::Request& request,
                                     std::span<const std::string_view> simple_filters);

}  // namespace hw::dataset
