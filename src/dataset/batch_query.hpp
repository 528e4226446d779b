#pragma once
#include "http/message.hpp"
#include "store/store.hpp"

namespace hw::dataset {

// GET /batches's parameters: Catalog's common ones (catalog_query: limit, start,
// orderBy, property), catalog.yaml's plain equality filters on batch fields, and the
// three that name something else: `dataSet` (the related dataset), `batch` (the id) and
// `createdAfter`/`createdBefore` (exclusive bounds on `created`). Throws ApiError 400
// naming the bad parameter.
store::ListQuery parse_batch_query(const http::Request& request);

}  // namespace hw::dataset
