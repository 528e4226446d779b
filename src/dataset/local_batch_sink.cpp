#include "dataset/local_batch_sink.hpp"

#include "util/durable_fs.hpp"

namespace hw::dataset {
namespace {

std::filesystem::path created(std::filesystem::path dir) {
  util::create_directories_durably(dir.parent_path());
  // Not create_directories: a staging directory that already exists belongs to someone.
  if (!std::filesystem::create_directory(dir))
    throw std::filesystem::filesystem_error("staging directory exists", dir,
                                            std::make_error_code(std::errc::file_exists));
  return dir;
}

}  // namespace

LocalBatchSink::LocalBatchSink(std::filesystem::path staging, std::filesystem::path published,
                               std::uint64_t part_bytes)
    : staging_(created(std::move(staging))),
      published_(std::move(published)),
      records_(staging_, PartKind::records, part_bytes),
      failed_(staging_, PartKind::failed, part_bytes) {}

void LocalBatchSink::publish() {
  records_.finish();
  failed_.finish();
  // The files' own entries must be durable before the rename exposes them.
  util::fsync_path(staging_);
  util::rename_durably(staging_, published_);
}

void LocalBatchSink::discard() noexcept {
  std::error_code ignored;
  std::filesystem::remove_all(staging_, ignored);
  std::filesystem::remove_all(published_, ignored);
}

}  // namespace hw::dataset
