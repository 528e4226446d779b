#pragma once
#include <filesystem>

#include "dataset/batch_sink.hpp"
#include "dataset/json_lines_parts.hpp"

namespace hw::dataset {

// A batch as JSON Lines files in a local directory: written under `staging`, then
// published by fsyncing the files, renaming `staging` to `published` and fsyncing the
// parent directory, so the batch appears whole or not at all, and survives a crash once
// publish() returns.
class LocalBatchSink final : public BatchSink {
 public:
  // Creates `staging` (and its parents). Throws std::filesystem_error when it cannot.
  LocalBatchSink(std::filesystem::path staging, std::filesystem::path published,
                 std::uint64_t part_bytes);

  void append(std::string_view line) override { records_.append(line); }
  void append_failed(std::string_view line) override { failed_.append(line); }
  std::uint64_t bytes() const override { return records_.bytes(); }
  void publish() override;
  void discard() noexcept override;

 private:
  std::filesystem::path staging_;
  std::filesystem::path published_;
  JsonLinesParts records_;
  JsonLinesParts failed_;
};

}  // namespace hw::dataset
