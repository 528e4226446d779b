#include <memory>

#include "api/json_io.hpp"
#include "api/services.hpp"

#include "dataset/batch_writer.hpp"
#include "dataset/catalog_query.hpp"
#include "dataset/catalog_shape.hpp"
#include "dataset/datasets.hpp"

namespace hw::api {

// Catalog's shapes, not Flow Service's: writes answer ["@/dataSets/<id>"], reads answer
// an object keyed by id.
void register_datasets(http::Router& router, Services& s) {
  const std::string base = "/data/foundation/catalog/dataSets";
  auto datasets = std::make_shared<dataset::DataSets>(s.store);
  router.add("GET", base, scoped(s, [datasets](const auto& ctx, const auto& req, const auto&) {
               const auto query = dataset::parse_catalog_query(req, dataset::kDataSetSimpleFilters);
               return json_response(200,
                                    dataset::keyed_by_id(datasets->list(ctx.scope, query).bodies));
             }));
  router.add("POST", base,
             scoped(s, [datasets, base](const auto& ctx, const auto& req, const auto&) {
               const std::string id = datasets->create(ctx, read_json_object(req).as_object());
               http::Response r = json_response(201, dataset::reference_list("dataSets", id));
               r.headers.emplace_back("Location", base + "/" + id);
               return r;
             }));
  router.add("GET", base + "/{id}",
             scoped(s, [datasets](const auto& ctx, const auto&, const auto& p) {
               return json_response(
                   200, dataset::keyed_by_id({datasets->require(ctx.scope, p["id"]).body}));
             }));
  router.add("DELETE", base + "/{id}",
             scoped(s, [datasets, &s](const auto& ctx, const auto&, const auto& p) {
               // The dataset first: a 409 (still written to) must leave its batches alone.
               datasets->remove(ctx.scope, p["id"]);
               s.batches.remove_dataset(ctx.scope, p["id"]);
               return json_response(200, dataset::reference_list("dataSets", p["id"]));
             }));
}

}  // namespace hw::api
