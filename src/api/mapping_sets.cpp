#include <boost/json.hpp>
#include <boost/url/url.hpp>

#include <array>
#include <cstdint>
#include <memory>

#include "api/json_io.hpp"
#include "api/query_params.hpp"
#include "api/services.hpp"
#include "http/error.hpp"
#include "json/serialize.hpp"
#include "mapping/mapping_sets.hpp"

namespace hw::api {
namespace {

constexpr std::string_view kBase = "/data/foundation/conversion/mappingSets";
// data-prep.yaml's default page size; the cap is Catalog's.
constexpr std::size_t kMappingSetDefaultLimit = 10;
constexpr std::size_t kMappingSetMaxLimit = 100;

// orderBy names (data-prep.yaml: createdDate and updatedDate, default lastUpdateDate)
// and the stored field each sorts on.
struct OrderField {
  std::string_view name;
  std::string_view stored;
};
constexpr std::array<OrderField, 4> kOrderFields = {{{"createdDate", "createdDate"},
                                                     {"updatedDate", "modifiedDate"},
                                                     {"lastUpdateDate", "modifiedDate"},
                                                     {"modifiedDate", "modifiedDate"}}};

void parse_order_by(std::string_view text, store::ListQuery& query) {
  // An unescaped '+' in a query string arrives as a space (form encoding).
  query.descending = text.starts_with('-');
  if (text.starts_with('-') || text.starts_with('+') || text.starts_with(' '))
    text.remove_prefix(1);
  for (const auto& field : kOrderFields) {
    if (field.name != text) continue;
    query.order_field = field.stored;
    return;
  }
  throw bad_query_parameter("orderBy", "'" + std::string(text) +
                                           "' is not a sort field; use createdDate or updatedDate, "
                                           "prefixed with + (ascending) or - (descending)");
}

// Data Prep's list parameters: `limit`, `start` (an offset), `name` (equality) and
// `orderBy`. Ascending by last update, ties by id, unless told otherwise: paging with
// `start` then visits every set once even while sets are added.
store::ListQuery parse_mapping_set_query(const http::Request& request) {
  store::ListQuery query;
  query.order_field = "modifiedDate";
  query.limit = kMappingSetDefaultLimit;
  if (auto limit = request.query_param("limit"))
    query.limit = parse_whole_number("limit", *limit, 1, kMappingSetMaxLimit);
  if (auto start = request.query_param("start"))
    query.offset = parse_whole_number("start", *start, 0, SIZE_MAX / 2);
  if (auto name = request.query_param("name"))
    query.filters.push_back({"name", store::Filter::Op::eq, {std::string(*name)}});
  if (auto order = request.query_param("orderBy")) parse_order_by(*order, query);
  return query;
}

// The request's own URL with `start` moved past this page.
std::string next_href(const http::Request& request, std::size_t next_start) {
  boost::urls::url next;
  next.set_path(request.path);
  for (const auto& [key, value] : request.query)
    if (key != "start") next.params().append({key, value});
  next.params().append({"start", std::to_string(next_start)});
  return std::string(next.buffer());
}

// data-prep.yaml MapperSetPage: {"data":[…],"_page":{"count","limit"},"_links":{"next"}}.
std::string render_page(const http::Request& request, const store::ListQuery& query,
                        const store::ListResult& result) {
  std::string out = "{\"data\":[";
  for (std::size_t i = 0; i < result.bodies.size(); ++i) {
    if (i) out += ',';
    out += result.bodies[i];
  }
  out += "],\"_page\":" + hw::json::serialize(boost::json::object{
                              {"count", result.bodies.size()}, {"limit", query.limit}});
  out += ",\"_links\":{";
  if (result.has_more) {
    const auto href = next_href(request, query.offset + result.bodies.size());
    out += "\"next\":{\"href\":" + hw::json::serialize(boost::json::string(href)) + "}";
  }
  return out + "}}";
}

// data-prep.yaml SimpleRepresentation: what a create answers.
boost::json::object simple_representation(const boost::json::object& stored) {
  boost::json::object out;
  for (const auto* key :
       {"id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy"})
    out[key] = stored.at(key);
  return out;
}

// GET by id answers the mapping set itself, not Flow Service's {"items":[…]}. Every set
// is at version 0 (there is no update yet), so asking for another version is a 404.
http::Response get_one(const mapping::MappingSets& sets, const http::Context& ctx,
                       const http::Request& req, std::string_view id) {
  auto doc = sets.require(ctx.scope, id);
  if (auto version = req.query_param("version")) {
    const auto wanted = parse_whole_number("version", *version, 0, INT32_MAX);
    const auto stored = boost::json::parse(doc.body).at("version").to_number<std::int64_t>();
    if (static_cast<std::int64_t>(wanted) != stored) {
      throw http::ApiError(404, "NOT_FOUND",
                           "mapping set '" + std::string(id) + "' has no version " +
                               std::string(*version) + "; its version is " +
                               std::to_string(stored));
    }
  }
  return json_response(200, std::move(doc.body));
}

}  // namespace

void register_mapping_sets(http::Router& router, Services& s) {
  const std::string base(kBase);
  auto sets = std::make_shared<mapping::MappingSets>(s.store);
  router.add("GET", base, scoped(s, [sets](const auto& ctx, const auto& req, const auto&) {
               const auto query = parse_mapping_set_query(req);
               return json_response(200, render_page(req, query, sets->list(ctx.scope, query)));
             }));
  router.add("POST", base, scoped(s, [sets, base](const auto& ctx, const auto& req, const auto&) {
               const auto stored = sets->create(ctx, read_json_object(req));
               http::Response r =
                   json_response(201, hw::json::serialize(simple_representation(stored)));
               r.headers.emplace_back("Location",
                                      base + "/" + std::string(stored.at("id").as_string()));
               return r;
             }));
  router.add("GET", base + "/{id}",
             scoped(s, [sets](const auto& ctx, const auto& req, const auto& p) {
               return get_one(*sets, ctx, req, p["id"]);
             }));
}

}  // namespace hw::api
