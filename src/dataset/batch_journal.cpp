#include "dataset/batch_journal.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "json/serialize.hpp"
#include "util/durable_fs.hpp"

namespace hw::dataset {
namespace {

constexpr std::string_view kNoteExtension = ".json";

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

PendingBatch parse_note(const std::string& text) {
  const auto note = boost::json::parse(text).as_object();
  auto field = [&](std::string_view key) { return std::string(note.at(key).as_string()); };
  return {{field("org"), field("sandbox")}, field("dataSetId"), field("batchId")};
}

}  // namespace

std::filesystem::path BatchJournal::note(std::string_view batch_id) const {
  return dir_ / (std::string(batch_id) + std::string(kNoteExtension));
}

void BatchJournal::add(const PendingBatch& batch) {
  util::create_directories_durably(dir_);
  const boost::json::object note_body{{"org", batch.scope.org},
                                      {"sandbox", batch.scope.sandbox},
                                      {"dataSetId", batch.dataset_id},
                                      {"batchId", batch.batch_id}};
  util::write_file_durably(note(batch.batch_id), hw::json::serialize(note_body));
}

void BatchJournal::remove(std::string_view batch_id) noexcept {
  // Not fsynced: a note that reappears after a crash names a batch whose record is
  // already final, and recovery then just drops it.
  std::error_code ignored;
  std::filesystem::remove(note(batch_id), ignored);
}

std::vector<PendingBatch> BatchJournal::pending() const {
  std::vector<PendingBatch> out;
  std::error_code missing;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, missing)) {
    if (entry.path().extension() != kNoteExtension) continue;
    try {
      out.push_back(parse_note(read_whole(entry.path())));
    } catch (const std::exception& e) {
      spdlog::warn("ignoring unreadable batch note {}: {}", entry.path().string(), e.what());
    }
  }
  return out;
}

}  // namespace hw::dataset
