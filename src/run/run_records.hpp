#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dataset/batch_writer.hpp"
#include "engine/extract/record_failure.hpp"
#include "mapping/mapping_set.hpp"
#include "run/run_record.hpp"

namespace hw::run {

// Where a run's records go: through the flow's mapping set (if any) into the batch, or,
// rejected, into its failed files, with the first few failures kept for the run record
// when the flow asks for error diagnostics.
class RunRecords {
 public:
  RunRecords(dataset::BatchWriter& writer, const std::optional<mapping::MappingSet>& mapping,
             bool diagnostics)
      : writer_(writer), mapping_(mapping), diagnostics_(diagnostics) {}

  void accept(std::string_view record);
  void reject(std::string_view record, const engine::RecordFailure& failure);

  std::uint64_t output_bytes() const { return output_bytes_; }
  std::vector<engine::RecordFailure> take_failed_samples() { return std::move(samples_); }

 private:
  dataset::BatchWriter& writer_;
  const std::optional<mapping::MappingSet>& mapping_;
  bool diagnostics_;
  std::size_t seen_ = 0;
  std::uint64_t output_bytes_ = 0;
  std::vector<engine::RecordFailure> samples_;
};

}  // namespace hw::run
