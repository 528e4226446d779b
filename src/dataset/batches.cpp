#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <stdexcept>

#include "dataset/batch_writer.hpp"
#include "dataset/datasets.hpp"
#include "dataset/local_batch_sink.hpp"
#include "http/error.hpp"
#include "json/serialize.hpp"
#include "util/ids.hpp"

namespace hw::dataset {
namespace {

void require_dataset(store::Store& store, const store::Scope& scope, std::string_view id) {
  if (store.get(kDataSetsKind, scope, id)) return;
  throw http::bad_request(
      "dataset '" + std::string(id) + "' does not exist in this organization and sandbox",
      {{"dataSetId", "no dataset has this id"}});
}

bool is_loading(const store::Document& doc) {
  return boost::json::parse(doc.body).at("status").as_string() == kLoading;
}

}  // namespace

Batches::Batches(store::Store& store, std::filesystem::path data_dir, BatchOptions options)
    : store_(store), layout_(data_dir), journal_(layout_.journal_dir()), options_(options) {}

BatchWriter Batches::begin(const resource::Caller& caller, std::string_view dataset_id,
                           const boost::json::object& related) {
  require_dataset(store_, caller.scope, dataset_id);
  const PendingBatch batch{caller.scope, std::string(dataset_id), util::new_uuid()};
  // The note comes first: whatever exists after a crash, recovery can find it.
  journal_.add(batch);
  std::unique_ptr<BatchSink> sink;
  try {
    sink = std::make_unique<LocalBatchSink>(
        layout_.staging_dir(batch.scope, batch.dataset_id, batch.batch_id),
        layout_.batch_dir(batch.scope, batch.dataset_id, batch.batch_id), options_.part_bytes);
    insert_loading_record(caller, batch, related);
  } catch (...) {
    if (sink) sink->discard();
    journal_.remove(batch.batch_id);
    throw;
  }
  return BatchWriter(*this, batch.scope, batch.dataset_id, batch.batch_id, std::move(sink));
}

void Batches::insert_loading_record(const resource::Caller& caller, const PendingBatch& batch,
                                    const boost::json::object& related) {
  const std::int64_t now = util::now_ms();
  const auto record = new_batch_record(caller, batch.batch_id, batch.dataset_id, related, now);
  const store::Document doc{
      batch.batch_id, util::new_etag(), now, now, hw::json::serialize(record), std::nullopt};
  if (store_.insert(kBatchesKind, batch.scope, doc) != store::WriteResult::ok)
    throw std::runtime_error("batch id " + batch.batch_id + " is already taken");
}

void Batches::finish(const store::Scope& scope, const std::string& batch_id,
                     const BatchOutcome& outcome) {
  store::Document doc = require(scope, batch_id);
  auto record = boost::json::parse(doc.body).as_object();
  const std::int64_t now = util::now_ms();
  finish_batch_record(record, outcome, now);
  const std::string previous_etag = std::exchange(doc.etag, util::new_etag());
  doc.updated_at = now;
  doc.body = hw::json::serialize(record);
  if (store_.replace(kBatchesKind, scope, doc, previous_etag) != store::WriteResult::ok)
    throw std::runtime_error("batch " + batch_id + " changed while it was being finished");
  journal_.remove(batch_id);
}

std::size_t Batches::recover() {
  std::size_t interrupted = 0;
  for (const auto& batch : journal_.pending()) interrupted += recover(batch) ? 1 : 0;
  if (interrupted > 0)
    spdlog::warn("{} batch(es) were interrupted by a restart and are marked failed", interrupted);
  return interrupted;
}

// A batch whose record is final only lost its note. Otherwise the crash came before
// Catalog said "success": even a batch already renamed into place is taken down,
// because Catalog is what says whether a batch exists.
bool Batches::recover(const PendingBatch& batch) {
  const auto doc = store_.get(kBatchesKind, batch.scope, batch.batch_id);
  const bool unfinished = !doc || is_loading(*doc);
  if (unfinished) {
    std::error_code ignored;
    std::filesystem::remove_all(layout_.staging_dir(batch.scope, batch.dataset_id, batch.batch_id),
                                ignored);
    std::filesystem::remove_all(layout_.batch_dir(batch.scope, batch.dataset_id, batch.batch_id),
                                ignored);
  }
  if (unfinished && doc) {
    finish(batch.scope, batch.batch_id,
           {0, 0, 0,
            BatchError{"BATCH_INTERRUPTED",
                       "the server stopped before the batch was committed; its records were "
                       "discarded"}});
  }
  journal_.remove(batch.batch_id);
  return unfinished && doc;
}

std::size_t Batches::remove_dataset(const store::Scope& scope, std::string_view dataset_id) {
  store::ListQuery query;
  query.filters.push_back(
      {"relatedObjects[].id", store::Filter::Op::eq, {std::string(dataset_id)}});
  std::size_t removed = 0;
  for (auto page = list(scope, query); !page.bodies.empty(); page = list(scope, query)) {
    for (const auto& body : page.bodies) {
      const auto id = boost::json::parse(body).at("id").as_string();
      store_.remove(kBatchesKind, scope, id, std::nullopt);
      ++removed;
    }
  }
  std::error_code error;
  std::filesystem::remove_all(layout_.dataset_dir(scope, dataset_id), error);
  if (error)
    spdlog::warn("the files of deleted dataset {} were not all removed: {}", dataset_id,
                 error.message());
  return removed;
}

store::Document Batches::require(const store::Scope& scope, std::string_view id) const {
  auto doc = store_.get(kBatchesKind, scope, id);
  if (!doc) throw http::not_found("batch", id);
  return std::move(*doc);
}

store::ListResult Batches::list(const store::Scope& scope, const store::ListQuery& query) const {
  return store_.list(kBatchesKind, scope, query);
}

}  // namespace hw::dataset
