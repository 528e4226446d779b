#include "dataset/catalog_query.hpp"

#include <cstdint>

#include "api/list_query.hpp"
#include "api/query_params.hpp"
#include "http/error.hpp"

namespace hw::dataset {
namespace {

// The store sorts by one field (ties by id), so a list such as `asc:created,updated` is
// refused rather than half honoured.
void parse_order_by(std::string_view text, store::ListQuery& query) {
  if (text.find(',') != std::string_view::npos)
    throw api::bad_query_parameter("orderBy", "sort by one field, e.g. desc:created");
  if (text.starts_with("asc:")) {
    text.remove_prefix(4);
  } else if (text.starts_with("desc:")) {
    text.remove_prefix(5);
    query.descending = true;
  }
  if (!api::valid_field(text, false))
    throw api::bad_query_parameter("orderBy", "'" + std::string(text) + "' is not a field name");
  query.order_field = std::string(text);
}

// Catalog's `property` syntax is Flow Service's, so the shared parser reads it; it is
// handed only the `property` parameters because the paging parameters differ.
std::vector<store::Filter> parse_properties(const http::Request& request) {
  http::Request properties_only;
  for (auto property : request.query_params("property"))
    properties_only.query.emplace_back("property", property);
  return api::parse_list_query(properties_only).filters;
}

}  // namespace

store::ListQuery parse_catalog_query(const http::Request& request,
                                     std::span<const std::string_view> simple_filters) {
  store::ListQuery query;
  query.order_field = "created";
  query.limit = kCatalogDefaultLimit;
  if (auto limit = request.query_param("limit"))
    query.limit = api::parse_whole_number("limit", *limit, 1, kCatalogMaxLimit);
  if (auto start = request.query_param("start"))
    query.offset = api::parse_whole_number("start", *start, 0, SIZE_MAX / 2);
  if (auto order_by = request.query_param("orderBy")) parse_order_by(*order_by, query);
  query.filters = parse_properties(request);
  for (auto name : simple_filters)
    if (auto value = request.query_param(name))
      query.filters.push_back({std::string(name), store::Filter::Op::eq, {std::string(*value)}});
  return query;
}

}  // namespace hw::dataset
