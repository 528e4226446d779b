#pragma once
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "resource/caller.hpp"

namespace hw::dataset {

inline constexpr std::string_view kBatchesKind = "batches";

// Catalog batch statuses Headwater uses (catalog.yaml lists more).
inline constexpr std::string_view kLoading = "loading";
inline constexpr std::string_view kSuccess = "success";
inline constexpr std::string_view kFailed = "failed";

// One entry of a batch's `errors` (catalog.yaml `errors`: code, description).
struct BatchError {
  std::string code;
  std::string description;
};

struct BatchOutcome {
  std::size_t records = 0;
  std::size_t failed = 0;
  std::uint64_t bytes = 0;
  std::optional<BatchError> error;  // set: the batch failed
};

// A new Catalog batch in status "loading": Catalog's metadata (as for datasets), `started`,
// `relatedObjects` [{type:"dataSet", id}], and the producer's references (`related`, e.g.
// flowId and runId) as `tags`, each a one-element array of strings, which is catalog.yaml's
// shape for tags; relatedObjects' enum has no type for flows or runs.
boost::json::object new_batch_record(const resource::Caller& caller, std::string_view id,
                                     std::string_view dataset_id,
                                     const boost::json::object& related, std::int64_t now_ms);

// Ends the batch: status, `completed`, catalog.yaml's `recordCount`, `failedRecordCount` and
// `size`, `metrics` with input/output/failed counts (the names Flow Service's run metrics
// use), and `errors` when it failed.
void finish_batch_record(boost::json::object& record, const BatchOutcome& outcome,
                         std::int64_t now_ms);

// The dataset a stored batch belongs to (its relatedObjects entry of type dataSet).
std::string batch_dataset_id(const boost::json::object& record);

}  // namespace hw::dataset
