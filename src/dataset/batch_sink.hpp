#pragma once
#include <cstdint>
#include <string_view>

namespace hw::dataset {

// Where one batch's lines go until it is published: the seam DESIGN §8 asks for, so
// that an object-store or Kafka-backed writer can replace the local files without the
// run engine or the Catalog side changing. Not thread-safe.
class BatchSink {
 public:
  virtual ~BatchSink() = default;

  // One JSON document per line; `line` holds no newline.
  virtual void append(std::string_view line) = 0;
  virtual void append_failed(std::string_view line) = 0;
  // Bytes of the record lines so far.
  virtual std::uint64_t bytes() const = 0;
  // Makes the whole batch durable and visible at once; readers never see a part of it.
  virtual void publish() = 0;
  // Removes whatever was written or published. Never throws: it runs on error paths.
  virtual void discard() noexcept = 0;
};

}  // namespace hw::dataset
