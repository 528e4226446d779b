#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "engine/extract/record_extractor.hpp"

namespace hw::engine {

// Pages handed from the thread that fetches them to the thread that emits their records.
// At most `capacity` wait, so the fetcher runs that many pages ahead and no further, and a
// run's memory stays flat. simdjson parsers travel with their pages and come back for reuse.
class PagePipeline {
 public:
  explicit PagePipeline(std::size_t capacity) : capacity_(capacity) {}

  // Fetching side. Blocks while the pipeline is full; false once the emitting side stopped.
  bool push(PreparedPage page);
  // No more pages; `error` (if any) is rethrown on the emitting side after the pages before it.
  void finish(std::exception_ptr error = nullptr);
  std::unique_ptr<simdjson::dom::parser> parser();

  // Emitting side. The next page, or nullopt at the end; rethrows the fetching side's error.
  std::optional<PreparedPage> pop();
  void recycle(std::unique_ptr<simdjson::dom::parser> parser);
  // The emitting side gives up (its sink threw): the fetching side's push returns false.
  void stop();

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PreparedPage> pages_;
  std::vector<std::unique_ptr<simdjson::dom::parser>> parsers_;
  bool finished_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace hw::engine
