#include "engine/page_pipeline.hpp"

namespace hw::engine {

bool PagePipeline::push(PreparedPage page) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopped_ || pages_.size() < capacity_; });
  if (stopped_) return false;
  pages_.push_back(std::move(page));
  changed_.notify_all();
  return true;
}

void PagePipeline::finish(std::exception_ptr error) {
  std::lock_guard lock(mutex_);
  finished_ = true;
  error_ = std::move(error);
  changed_.notify_all();
}

std::unique_ptr<simdjson::dom::parser> PagePipeline::parser() {
  std::lock_guard lock(mutex_);
  if (parsers_.empty()) return std::make_unique<simdjson::dom::parser>();
  auto parser = std::move(parsers_.back());
  parsers_.pop_back();
  return parser;
}

std::optional<PreparedPage> PagePipeline::pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return finished_ || !pages_.empty(); });
  if (pages_.empty()) {
    if (error_) std::rethrow_exception(error_);
    return std::nullopt;
  }
  PreparedPage page = std::move(pages_.front());
  pages_.pop_front();
  changed_.notify_all();
  return page;
}

void PagePipeline::recycle(std::unique_ptr<simdjson::dom::parser> parser) {
  if (!parser) return;
  std::lock_guard lock(mutex_);
  parsers_.push_back(std::move(parser));
}

void PagePipeline::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  pages_.clear();
  changed_.notify_all();
}

}  // namespace hw::engine
