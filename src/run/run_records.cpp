#include "run/run_records.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"

namespace hw::run {

void RunRecords::accept(std::string_view record) {
  ++seen_;
  if (!mapping_) {
    writer_.append(record);
    output_bytes_ += record.size();
    return;
  }
  // One arena per record, mostly on the stack: parsing and mapping allocate nothing else.
  unsigned char arena[16384];
  boost::json::monotonic_resource memory(arena, sizeof arena);
  boost::json::parse_options options;
  options.max_depth = 64;  // as deep as the extractor lets a record be
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(record, ec, &memory, options);
  if (ec) {
    reject(record, {seen_ - 1, "MAPPING_FAILED", "the record cannot be mapped: " + ec.message()});
    return;
  }
  const std::string mapped = hw::json::serialize(mapping_->apply(parsed, &memory));
  writer_.append(mapped);
  output_bytes_ += mapped.size();
}

void RunRecords::reject(std::string_view record, const engine::RecordFailure& failure) {
  writer_.append_failed(record, failure.reason);
  if (diagnostics_ && samples_.size() < kMaxFailedSamples) samples_.push_back(failure);
}

}  // namespace hw::run
