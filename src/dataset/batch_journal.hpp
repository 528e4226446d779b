#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/scope.hpp"

namespace hw::dataset {

struct PendingBatch {
  store::Scope scope;
  std::string dataset_id;
  std::string batch_id;
};

// A durable note per batch being written, made before its files or its Catalog record
// and dropped once the record is final. After a crash it is how recovery finds the
// batch: the store cannot be listed across scopes, and the files alone cannot name
// their scope (its directory is a hash).
class BatchJournal {
 public:
  explicit BatchJournal(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Durable when it returns.
  void add(const PendingBatch& batch);
  void remove(std::string_view batch_id) noexcept;
  // Notes left by batches that never finished. Unreadable notes (a crash while one was
  // being written leaves only a temp file, which is skipped) are not returned.
  std::vector<PendingBatch> pending() const;

 private:
  std::filesystem::path note(std::string_view batch_id) const;

  std::filesystem::path dir_;
};

}  // namespace hw::dataset
