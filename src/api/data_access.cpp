#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/query_params.hpp"
#include "api/services.hpp"

#include "dataset/batch_files.hpp"
#include "dataset/data_access_shape.hpp"
#include "dataset/dataset_preview.hpp"
#include "json/serialize.hpp"

namespace hw::api {
namespace {

using dataset::kExportBase;

// data-access.yaml answers a download as application/octet-stream; the bytes are JSON Lines.
http::Response download(std::string bytes) {
  http::Response r;
  r.content_type = "application/octet-stream";
  r.body = std::move(bytes);
  return r;
}

http::Response json_answer(const boost::json::object& body) {
  return json_response(200, hw::json::serialize(body));
}

// A dataSetFile exists once its batch is published with records; anything else is 404.
dataset::PublishedBatch require_file(Services& s, const http::Context& ctx,
                                     std::string_view file_id) {
  const auto batch_id = dataset::batch_of_file(file_id);
  std::optional<dataset::PublishedBatch> batch;
  if (batch_id && s.batches.store().get(dataset::kBatchesKind, ctx.scope, *batch_id))
    batch = dataset::find_published(s.batches, ctx.scope, *batch_id);
  if (!batch || dataset::list_parts(batch->dir, dataset::PartKind::records).empty())
    throw http::not_found("dataset file", file_id);
  return std::move(*batch);
}

http::Response batch_files(Services& s, const http::Context& ctx, const http::Request& req,
                           const std::string& batch_id) {
  const auto page = dataset::parse_page(req);
  const auto batch = dataset::find_published(s.batches, ctx.scope, batch_id);
  const std::string self = std::string(kExportBase) + "/batches/" + batch_id + "/files";
  return json_answer(dataset::dataset_files_answer(batch, page, self));
}

// Without `path`, the failed files; with it, one file's bytes.
http::Response failed_files(Services& s, const http::Context& ctx, const http::Request& req,
                            const std::string& batch_id) {
  const auto page = dataset::parse_page(req);
  const auto batch = dataset::find_published(s.batches, ctx.scope, batch_id);
  const std::string self = std::string(kExportBase) + "/batches/" + batch_id + "/failed";
  if (auto path = req.query_param("path")) {
    if (!batch) throw http::not_found("failed file", *path);
    return download(dataset::read_part(batch->dir, dataset::PartKind::failed, *path));
  }
  std::vector<dataset::PartFile> parts;
  if (batch) parts = dataset::list_parts(batch->dir, dataset::PartKind::failed);
  return json_answer(dataset::part_files_answer(parts, page, self));
}

http::Response file(Services& s, const http::Context& ctx, const http::Request& req,
                    const std::string& file_id) {
  const auto page = dataset::parse_page(req);
  const auto batch = require_file(s, ctx, file_id);
  if (auto path = req.query_param("path"))
    return download(dataset::read_part(batch.dir, dataset::PartKind::records, *path));
  const std::string self = std::string(kExportBase) + "/files/" + file_id;
  return json_answer(dataset::part_files_answer(
      dataset::list_parts(batch.dir, dataset::PartKind::records), page, self));
}

http::Response preview(Services& s, const http::Context& ctx, const http::Request& req,
                       const std::string& dataset_id) {
  std::size_t limit = dataset::kPreviewDefaultRows;
  if (auto text = req.query_param("limit"))
    limit = parse_whole_number("limit", *text, 1, dataset::kPreviewDefaultRows);
  boost::json::object body;
  body["data"] = dataset::preview_records(s.batches, ctx.scope, dataset_id, limit);
  return json_answer(body);
}

}  // namespace

// Only committed batches are visible: a batch being written lists no files.
void register_data_access(http::Router& router, Services& s) {
  const std::string base(kExportBase);
  router.add("GET", base + "/batches/{id}/files",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return batch_files(s, ctx, req, p["id"]);
             }));
  router.add("GET", base + "/batches/{id}/failed",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return failed_files(s, ctx, req, p["id"]);
             }));
  router.add("GET", base + "/files/{id}",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return file(s, ctx, req, p["id"]);
             }));
  router.add("GET", base + "/datasets/{id}/preview",
             scoped(s, [&s](const auto& ctx, const auto& req, const auto& p) {
               return preview(s, ctx, req, p["id"]);
             }));
}

}  // namespace hw::api
