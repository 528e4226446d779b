#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "store/scope.hpp"

namespace hw::dataset {

// A batch holds two series of JSON Lines files: the records, and the records that
// failed with their reasons.
enum class PartKind { records, failed };

// "part-00000.jsonl" / "failed-00000.jsonl".
std::string part_name(PartKind kind, std::size_t index);
// Whether `name` is a file of that series; anything else is never served.
bool is_part_name(PartKind kind, std::string_view name);

// Where batches live on disk:
//   <data_dir>/datasets/<scope-hash>/<dataSetId>/<batchId>/part-00000.jsonl
// A batch is written under a staging name beside its final one and renamed into place.
// The scope is hashed because org and sandbox names are client text, not safe path
// segments; ids are checked to be plain segments for the same reason.
class BatchLayout {
 public:
  explicit BatchLayout(const std::filesystem::path& data_dir);

  std::filesystem::path dataset_dir(const store::Scope& scope, std::string_view dataset_id) const;
  std::filesystem::path batch_dir(const store::Scope& scope, std::string_view dataset_id,
                                  std::string_view batch_id) const;
  std::filesystem::path staging_dir(const store::Scope& scope, std::string_view dataset_id,
                                    std::string_view batch_id) const;
  // Markers of the batches being written, read back by recovery after a crash.
  std::filesystem::path journal_dir() const { return root_ / ".loading"; }

 private:
  std::filesystem::path root_;
};

}  // namespace hw::dataset
