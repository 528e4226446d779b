#include "dataset/batch_files.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>

#include "http/error.hpp"

namespace hw::dataset {

std::optional<PublishedBatch> find_published(const Batches& batches, const store::Scope& scope,
                                             std::string_view batch_id) {
  auto record = boost::json::parse(batches.require(scope, batch_id).body).as_object();
  if (record.at("status").as_string() == kLoading) return std::nullopt;
  std::string dataset_id = batch_dataset_id(record);
  auto dir = batches.layout().batch_dir(scope, dataset_id, batch_id);
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  return PublishedBatch{std::string(batch_id), std::move(dataset_id), std::move(record),
                        std::move(dir)};
}

std::vector<PartFile> list_parts(const std::filesystem::path& dir, PartKind kind) {
  std::vector<PartFile> parts;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    auto name = entry.path().filename().string();
    if (is_part_name(kind, name)) parts.push_back({std::move(name), entry.file_size()});
  }
  std::sort(parts.begin(), parts.end(),
            [](const PartFile& a, const PartFile& b) { return a.name < b.name; });
  return parts;
}

std::string read_part(const std::filesystem::path& dir, PartKind kind, std::string_view name) {
  // The name check comes first: `name` is client text and must never reach the path
  // unchecked (no "../").
  const auto path = dir / std::string(name);
  if (!is_part_name(kind, name) || !std::filesystem::is_regular_file(path))
    throw http::ApiError(404, "NOT_FOUND", "the batch has no file '" + std::string(name) + "'",
                         {{"query.path", "not a file of this batch"}});
  std::ifstream in(path, std::ios::binary);
  std::string bytes(std::filesystem::file_size(path), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("cannot read " + path.string());
  return bytes;
}

}  // namespace hw::dataset
