#pragma once
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dataset/batch_journal.hpp"
#include "dataset/batch_layout.hpp"
#include "dataset/batch_record.hpp"
#include "dataset/batch_sink.hpp"
#include "resource/caller.hpp"
#include "store/store.hpp"

// Where a run's records land: one Catalog batch per run, its records in files under the
// data dir, published whole or not at all.
namespace hw::dataset {

struct BatchSummary {
  std::string batch_id;
  std::size_t records = 0, failed = 0;
  std::uint64_t bytes = 0;
};

class Batches;

// Writes one batch. One per run; not thread-safe; move-only.
class BatchWriter {
 public:
  BatchWriter(BatchWriter&& other) noexcept;
  BatchWriter& operator=(BatchWriter&& other) noexcept;
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;
  // Not committed: the files are removed and the Catalog batch is marked "failed"
  // (aborted), so a run that throws leaves nothing half written behind.
  ~BatchWriter();

  // One serialized JSON object, no newline.
  void append(std::string_view record_json);
  // Lands as one line {"record": <record>, "reason": "…"} of the failed files. A record
  // that is not valid JSON is kept as a string.
  void append_failed(std::string_view record_json, std::string_view reason);
  std::size_t records() const { return records_; }
  std::size_t failed() const { return failed_; }
  const std::string& batch_id() const { return batch_id_; }

  // Durably publishes the batch (fsync of the files, an atomic rename of the batch
  // directory, fsync of its parent), then marks the Catalog batch "success", or
  // "failed" with `error` (its files stay readable, to show what the run got).
  BatchSummary commit(std::optional<std::string> error = std::nullopt);

 private:
  friend class Batches;
  BatchWriter(Batches& owner, store::Scope scope, std::string dataset_id, std::string batch_id,
              std::unique_ptr<BatchSink> sink);
  void abort() noexcept;

  Batches* owner_;
  store::Scope scope_;
  std::string dataset_id_;
  std::string batch_id_;
  std::unique_ptr<BatchSink> sink_;  // null once committed, aborted or moved from
  std::size_t records_ = 0;
  std::size_t failed_ = 0;
};

struct BatchOptions {
  // A part file is closed, and the next one started, before it would pass this size.
  std::uint64_t part_bytes = std::uint64_t{64} << 20;
};

// Owns the Catalog batch records (store kind "batches") and the batch files.
// Thread-safe: runs write their own batches while the API reads.
class Batches {
 public:
  Batches(store::Store& store, std::filesystem::path data_dir, BatchOptions options = {});

  // Creates the Catalog batch (status "loading") related to the dataset and to `related`
  // (e.g. {"flowId":…, "runId":…}, kept as tags); throws ApiError 400 naming `dataSetId`
  // when the dataset does not exist in the caller's scope.
  BatchWriter begin(const resource::Caller& caller, std::string_view dataset_id,
                    const boost::json::object& related);
  // On startup: batches left "loading" by a crash are marked "failed" and their files
  // removed. Returns how many there were.
  std::size_t recover();

  // Once its dataset is deleted: the dataset's Catalog batches and their files go too, as
  // they do in Catalog, so that deleting a dataset frees its disk. Returns how many.
  std::size_t remove_dataset(const store::Scope& scope, std::string_view dataset_id);

  // Throws ApiError 404 when absent.
  store::Document require(const store::Scope& scope, std::string_view id) const;
  store::ListResult list(const store::Scope& scope, const store::ListQuery& query) const;
  store::Store& store() const { return store_; }
  const BatchLayout& layout() const { return layout_; }

 private:
  friend class BatchWriter;
  void insert_loading_record(const resource::Caller& caller, const PendingBatch& batch,
                             const boost::json::object& related);
  // Records the outcome in Catalog, then drops the journal note.
  void finish(const store::Scope& scope, const std::string& batch_id, const BatchOutcome& outcome);
  // Whether the batch was left loading and is now marked failed.
  bool recover(const PendingBatch& batch);

  store::Store& store_;
  BatchLayout layout_;
  BatchJournal journal_;
  BatchOptions options_;
};

}  // namespace hw::dataset
