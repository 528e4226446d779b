#pragma once
#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/batch_layout.hpp"
#include "dataset/batch_writer.hpp"

// The read side of batch files, for the Data Access API.
namespace hw::dataset {

struct PartFile {
  std::string name;
  std::uint64_t bytes = 0;
};

// A batch readers may see: committed, so Catalog no longer says "loading" and its
// directory was published (an aborted or interrupted batch has none).
struct PublishedBatch {
  std::string id;
  std::string dataset_id;
  boost::json::object record;  // the Catalog batch
  std::filesystem::path dir;
};

// Throws ApiError 404 for a batch unknown in `scope`; nullopt while it is being written,
// or when it was aborted.
std::optional<PublishedBatch> find_published(const Batches& batches, const store::Scope& scope,
                                             std::string_view batch_id);

// The files of one series in a batch directory, by name.
std::vector<PartFile> list_parts(const std::filesystem::path& dir, PartKind kind);

// The bytes of the part `name`; ApiError 404 unless it is one of list_parts(dir, kind).
// Whole in memory: a part is at most BatchOptions::part_bytes (plus one record).
std::string read_part(const std::filesystem::path& dir, PartKind kind, std::string_view name);

}  // namespace hw::dataset
