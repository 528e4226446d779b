#include "api/json_io.hpp"
#include "api/services.hpp"

#include "dataset/batch_query.hpp"
#include "dataset/batch_writer.hpp"
#include "dataset/catalog_shape.hpp"

namespace hw::api {

// Catalog batches are read-only here: runs create them (dataset::Batches::begin). Reads
// answer Catalog's object keyed by id, like dataSets.
void register_batches(http::Router& router, Services& s) {
  const std::string base = "/data/foundation/catalog/batches";
  router.add("GET", base, scoped(s, [&s](const auto& ctx, const auto& req, const auto&) {
               const auto query = dataset::parse_batch_query(req);
               return json_response(200,
                                    dataset::keyed_by_id(s.batches.list(ctx.scope, query).bodies));
             }));
  router.add("GET", base + "/{id}", scoped(s, [&s](const auto& ctx, const auto&, const auto& p) {
               return json_response(
                   200, dataset::keyed_by_id({s.batches.require(ctx.scope, p["id"]).body}));
             }));
}

}  // namespace hw::api
