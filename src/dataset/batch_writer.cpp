#include "dataset/batch_writer.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <cstring>
#include <stdexcept>

#include "json/serialize.hpp"

namespace hw::dataset {
namespace {

// JSON allows a line break only as whitespace between tokens (a raw one inside a string
// is invalid), so a space in its place keeps the document and keeps one record per line.
std::string_view one_line(std::string_view json, std::string& scratch) {
  // Two vectorised scans: find_first_of would call memchr once per byte of the record.
  if (!std::memchr(json.data(), '\n', json.size()) && !std::memchr(json.data(), '\r', json.size()))
    return json;
  scratch.assign(json);
  for (char& c : scratch)
    if (c == '\r' || c == '\n') c = ' ';
  return scratch;
}

// {"record": <record>, "reason": "…"}. The record is copied as it is when it is JSON, and
// as a string when it is not (a record can fail precisely because it does not parse).
std::string failed_line(std::string_view record_json, std::string_view reason) {
  boost::system::error_code ec;
  boost::json::parse(record_json, ec);
  std::string scratch;
  std::string line = "{\"record\":";
  line += ec ? hw::json::serialize(boost::json::string(record_json))
             : std::string(one_line(record_json, scratch));
  line += ",\"reason\":";
  line += hw::json::serialize(boost::json::string(reason));
  line += '}';
  return line;
}

}  // namespace

BatchWriter::BatchWriter(Batches& owner, store::Scope scope, std::string dataset_id,
                         std::string batch_id, std::unique_ptr<BatchSink> sink)
    : owner_(&owner),
      scope_(std::move(scope)),
      dataset_id_(std::move(dataset_id)),
      batch_id_(std::move(batch_id)),
      sink_(std::move(sink)) {}

BatchWriter::BatchWriter(BatchWriter&& other) noexcept = default;

BatchWriter& BatchWriter::operator=(BatchWriter&& other) noexcept {
  if (this == &other) return *this;
  abort();
  owner_ = other.owner_;
  scope_ = std::move(other.scope_);
  dataset_id_ = std::move(other.dataset_id_);
  batch_id_ = std::move(other.batch_id_);
  sink_ = std::move(other.sink_);
  records_ = other.records_;
  failed_ = other.failed_;
  return *this;
}

BatchWriter::~BatchWriter() {
  abort();
}

void BatchWriter::append(std::string_view record_json) {
  if (!sink_) throw std::logic_error("batch " + batch_id_ + " is no longer open");
  std::string scratch;
  sink_->append(one_line(record_json, scratch));
  ++records_;
}

void BatchWriter::append_failed(std::string_view record_json, std::string_view reason) {
  if (!sink_) throw std::logic_error("batch " + batch_id_ + " is no longer open");
  sink_->append_failed(failed_line(record_json, reason));
  ++failed_;
}

BatchSummary BatchWriter::commit(std::optional<std::string> error) {
  if (!sink_) throw std::logic_error("batch " + batch_id_ + " is no longer open");
  sink_->publish();
  BatchOutcome outcome{records_, failed_, sink_->bytes(), std::nullopt};
  if (error) outcome.error = BatchError{"BATCH_FAILED", std::move(*error)};
  // Should this throw, the sink is still held, and the destructor takes the published
  // files back down: Catalog never says loading or aborted about a readable batch.
  owner_->finish(scope_, batch_id_, outcome);
  sink_.reset();
  return {batch_id_, records_, failed_, outcome.bytes};
}

void BatchWriter::abort() noexcept {
  if (!sink_) return;
  sink_->discard();
  sink_.reset();
  // Counts stay zero: nothing of the batch can be read.
  const BatchOutcome outcome{0, 0, 0,
                             BatchError{"BATCH_ABORTED",
                                        "the batch was abandoned before it was committed; its "
                                        "records were discarded"}};
  try {
    owner_->finish(scope_, batch_id_, outcome);
  } catch (const std::exception& e) {
    // Recovery at the next start marks it failed instead.
    spdlog::error("could not mark batch {} aborted: {}", batch_id_, e.what());
  }
}

}  // namespace hw::dataset
