#include "dataset/batch_query.hpp"

#include <array>
#include <cstdint>
#include <string_view>

#include "api/query_params.hpp"
#include "dataset/catalog_query.hpp"

namespace hw::dataset {
namespace {

constexpr std::array<std::string_view, 13> kBatchSimpleFilters = {
    "created", "createdClient", "updated",   "createdUser", "updatedUser",
    "version", "status",        "size",      "recordCount", "failedRecordCount",
    "started", "completed",     "externalId"};

void add_eq(const http::Request& request, std::string_view name, std::string field,
            store::ListQuery& query) {
  if (auto value = request.query_param(name))
    query.filters.push_back({std::move(field), store::Filter::Op::eq, {std::string(*value)}});
}

void add_bound(const http::Request& request, std::string_view name, store::Filter::Op op,
               store::ListQuery& query) {
  if (auto value = request.query_param(name)) {
    const auto ms = api::parse_whole_number(name, *value, 0, INT64_MAX);
    query.filters.push_back({"created", op, {std::to_string(ms)}});
  }
}

}  // namespace

store::ListQuery parse_batch_query(const http::Request& request) {
  auto query = parse_catalog_query(request, kBatchSimpleFilters);
  add_eq(request, "dataSet", "relatedObjects[].id", query);
  add_eq(request, "batch", "id", query);
  add_bound(request, "createdAfter", store::Filter::Op::gt, query);
  add_bound(request, "createdBefore", store::Filter::Op::lt, query);
  return query;
}

}  // namespace hw::dataset
