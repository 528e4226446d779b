#include "streaming/ingest_log.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>

#include "util/durable_fs.hpp"
#include "util/ids.hpp"

namespace hw::streaming {
namespace {

// With a commit in flight, the next starts only once it has been writing this long: on a
// disk that answers at once one writer keeps each commit large, and on one that holds each
// write for milliseconds the other writers take up what arrives meanwhile.
constexpr std::chrono::microseconds kStagger{1000};

// When the segment was last written: the end of the window a crash interrupted.
std::int64_t modified_ms(const std::filesystem::path& path, std::int64_t fallback) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fallback;
  return std::int64_t{st.st_mtim.tv_sec} * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

// Counts the whole frames of `path` and cuts off whatever follows them.
std::size_t keep_whole_frames(const std::filesystem::path& path) {
  SegmentReader reader(path);
  std::size_t frames = 0;
  while (reader.next()) ++frames;
  if (reader.stop() != FrameStatus::end) {
    if (reader.stop() != FrameStatus::padding) {
      spdlog::warn("ingest log {}: {} tail after {} whole event(s) cut off", path.string(),
                   reader.stop() == FrameStatus::torn ? "an incomplete" : "a damaged", frames);
    }
    std::filesystem::resize_file(path, reader.valid_end());
    util::fsync_path(path);
  }
  return frames;
}

}  // namespace

struct IngestLog::Open {
  Open(std::filesystem::path path, std::int64_t start_ms, std::int64_t end_ms)
      : planned_end_ms(end_ms), file(path) {
    segment.path = std::move(path);
    segment.start_ms = start_ms;
  }

  Segment segment;  // `events` counts acknowledged events only
  std::int64_t planned_end_ms = 0;
  SegmentFile file;
  std::uint64_t next_offset = 0;  // where the next commit goes
  std::uint64_t data_end = 0;     // where the last commit's frames end
  unsigned in_flight = 0;
  // The first commit whose write failed: it and every later one are refused, since the
  // frames after a hole cannot be read back.
  std::optional<std::uint64_t> failed_seq;
};

struct IngestLog::Commit {
  std::shared_ptr<Open> segment;
  std::vector<Done> done;
  std::size_t events = 0;
  bool written = false;
};

IngestLog::IngestLog(std::filesystem::path dir, IngestLogOptions options)
    : dir_(std::move(dir)), options_(options) {
  util::create_directories_durably(dir_);
}

IngestLog::~IngestLog() {
  stop();
}

void IngestLog::recover() {
  std::vector<Segment> found;
  for (const auto& file : std::filesystem::directory_iterator(dir_)) {
    if (auto segment = parse_segment_path(file.path())) found.push_back(std::move(*segment));
  }
  std::sort(found.begin(), found.end(),
            [](const Segment& a, const Segment& b) { return a.start_ms < b.start_ms; });
  for (auto& segment : found) {
    segment.events = keep_whole_frames(segment.path);
    last_start_ms_ = std::max(last_start_ms_, segment.start_ms);
    if (segment.events == 0) {
      std::filesystem::remove(segment.path);
      continue;
    }
    if (!segment.sealed()) {
      segment.end_ms = std::max(segment.start_ms + 1, modified_ms(segment.path, util::now_ms()));
      const auto sealed = sealed_segment_path(dir_, segment.start_ms, segment.end_ms);
      util::rename_durably(segment.path, sealed);
      segment.path = sealed;
    }
    std::lock_guard lock(mutex_);
    queued_events_ += segment.events;
    sealed_.push_back(segment);
  }
}

void IngestLog::start() {
  for (unsigned i = 0; i < options_.writers; ++i) writers_.emplace_back([this] { writer_loop(); });
}

void IngestLog::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  sealed_changed_.notify_all();
  for (auto& t : writers_) t.join();
  writers_.clear();
}

std::optional<Busy> IngestLog::append(std::string frames, std::size_t events, Done done) {
  std::unique_lock lock(mutex_);
  const bool over_bytes =
      !pending_.empty() && pending_bytes_ + frames.size() > options_.max_pending_bytes;
  const bool over_events =
      queued_events_ > 0 && queued_events_ + events > options_.max_queued_events;
  if (over_bytes || over_events || stopping_) return Busy{retry_after(util::now_ms())};
  pending_bytes_ += frames.size();
  pending_.push_back(std::move(frames));
  pending_done_.push_back(std::move(done));
  pending_events_ += events;
  queued_events_ += events;
  // A writer that is awake and not inside a write comes round to this by itself. Otherwise
  // one writer is woken, once until it commits: waking one per request costs a context
  // switch each, more than a commit when the disk is fast.
  const bool wake = awake_ <= (open_ ? open_->in_flight : 0) && !armed_;
  armed_ = armed_ || wake;
  lock.unlock();
  if (wake) changed_.notify_one();
  return std::nullopt;
}

// Until the open window closes and lands, the queue only grows; a bytes bound frees up
// at the next commit, a moment away.
std::chrono::seconds IngestLog::retry_after(std::int64_t now_ms) const {
  const std::int64_t end = open_ ? open_->planned_end_ms : now_ms;
  return std::chrono::seconds(std::max<std::int64_t>(1, (end - now_ms + 999) / 1000));
}

// The open segment takes no more commits: its window is over, a write to it failed, or the
// log is stopping with nothing left to commit.
bool IngestLog::closing() const {
  return open_ && (open_->failed_seq || util::now_ms() >= open_->planned_end_ms ||
                   (stopping_ && pending_.empty()));
}

bool IngestLog::can_act() const {
  if (closing()) return open_->in_flight == 0;
  if (!pending_.empty()) return open_ ? may_commit() : !opening_;
  return stopping_;
}

bool IngestLog::may_commit() const {
  return open_->in_flight == 0 || std::chrono::steady_clock::now() - last_commit_ >= kStagger;
}

// How long a writer with nothing to do may sleep: until the open window ends, or until the
// stagger lets another commit start; nullopt while only a notification can change anything
// (no segment yet, or the segment waits for its commits in flight to close it).
std::optional<std::chrono::steady_clock::duration> IngestLog::patience() const {
  using namespace std::chrono;
  if (!open_ || closing()) return std::nullopt;
  if (!pending_.empty() && open_->in_flight > 0)
    return std::max(last_commit_ + kStagger - steady_clock::now(), steady_clock::duration::zero());
  return milliseconds(std::max<std::int64_t>(open_->planned_end_ms - util::now_ms(), 0));
}

void IngestLog::writer_loop() {
  AlignedBuffer buffer;
  Lock lock(mutex_);
  ++awake_;
  for (;;) {
    if (!can_act()) {
      // Woken or timed out, the loop looks again: the deadline depends on what changed.
      --awake_;
      if (const auto wait = patience()) {
        changed_.wait_for(lock, *wait);
      } else {
        changed_.wait(lock);
      }
      ++awake_;
      continue;
    }
    if (closing()) {
      seal(lock);
    } else if (!pending_.empty()) {
      if (open_) {
        commit(lock, buffer);
      } else {
        open_segment(lock);
      }
    } else {
      --awake_;
      return;  // stopping, nothing pending, no segment open
    }
  }
}

void IngestLog::open_segment(Lock& lock) {
  opening_ = true;
  const std::int64_t start = std::max(util::now_ms(), last_start_ms_ + 1);
  last_start_ms_ = start;
  lock.unlock();
  std::shared_ptr<Open> open;
  try {
    const auto path = open_segment_path(dir_, start);
    open = std::make_shared<Open>(path, start, window_end_after(start));
    util::fsync_path(dir_);  // the name is durable before any event in it is acknowledged
  } catch (const std::exception& e) {
    spdlog::error("ingest log: cannot start a segment: {}", e.what());
    open.reset();
  }
  lock.lock();
  opening_ = false;
  if (open) {
    open_ = std::move(open);
  } else {
    // Nothing can be written: refuse what is pending rather than hold it forever.
    for (auto& d : pending_done_) d(false);
    pending_done_.clear();
    queued_events_ -= std::exchange(pending_events_, 0);
    pending_.clear();
    pending_bytes_ = 0;
  }
  changed_.notify_all();
}

void IngestLog::commit(Lock& lock, AlignedBuffer& buffer) {
  const std::uint64_t seq = next_seq_++;
  last_commit_ = std::chrono::steady_clock::now();
  armed_ = false;
  const std::shared_ptr<Open> segment = open_;
  const std::uint64_t offset = segment->next_offset;
  const std::vector<std::string> frames = std::exchange(pending_, {});
  const std::size_t bytes = std::exchange(pending_bytes_, 0);
  segment->next_offset = next_commit_offset(offset, bytes);
  segment->data_end = offset + bytes;
  ++segment->in_flight;
  Commit c{segment, std::exchange(pending_done_, {}), std::exchange(pending_events_, 0), false};
  lock.unlock();
  try {
    segment->file.write_at(offset, frames, buffer);
    c.written = true;
  } catch (const std::exception& e) {
    spdlog::error("ingest log: {}; {} event(s) were not acknowledged", e.what(), c.events);
  }
  lock.lock();
  --segment->in_flight;
  if (!c.written && (!segment->failed_seq || seq < *segment->failed_seq)) segment->failed_seq = seq;
  finished_.emplace(seq, std::move(c));
  auto ready = acknowledge_in_order();
  // This writer goes on to the next commit itself: waking another costs a context switch,
  // more than a commit when the disk is fast. Only a segment waiting to close needs them.
  if (closing()) changed_.notify_all();
  lock.unlock();
  for (auto& [done, durable] : ready) done(durable);
  lock.lock();
}

std::vector<std::pair<IngestLog::Done, bool>> IngestLog::acknowledge_in_order() {
  std::vector<std::pair<Done, bool>> ready;
  for (auto it = finished_.begin(); it != finished_.end() && it->first == next_ack_;
       it = finished_.erase(it), ++next_ack_) {
    Commit& c = it->second;
    const auto& failed = c.segment->failed_seq;
    const bool durable = c.written && !(failed && *failed < it->first);
    if (durable) {
      c.segment->segment.events += c.events;
    } else {
      queued_events_ -= c.events;
    }
    for (auto& d : c.done) ready.emplace_back(std::move(d), durable);
  }
  return ready;
}

std::int64_t IngestLog::window_end_after(std::int64_t ms) const {
  const std::int64_t w = options_.window.count();
  return (ms / w + 1) * w;
}

void IngestLog::seal(Lock& lock) {
  const std::shared_ptr<Open> open = std::exchange(open_, nullptr);
  changed_.notify_all();  // the next commit may open the next segment meanwhile
  lock.unlock();
  Segment segment = open->segment;
  try {
    if (segment.events == 0) {
      std::filesystem::remove(segment.path);
      lock.lock();
      return;
    }
    open->file.finish(open->data_end);
    segment.end_ms = std::max(segment.start_ms + 1, std::min(util::now_ms(), open->planned_end_ms));
    const auto sealed = sealed_segment_path(dir_, segment.start_ms, segment.end_ms);
    util::rename_durably(segment.path, sealed);
    segment.path = sealed;
  } catch (const std::exception& e) {
    // Its events stay acknowledged: the next start finds it by its .open name and seals it.
    spdlog::error("ingest log: sealing {} failed: {}", segment.path.string(), e.what());
    lock.lock();
    return;
  }
  lock.lock();
  sealed_.push_back(segment);
  sealed_changed_.notify_all();
}

std::vector<Segment> IngestLog::sealed() const {
  std::lock_guard lock(mutex_);
  return sealed_;
}

void IngestLog::wait_for_seal(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  sealed_changed_.wait_for(lock, timeout, [this] { return stopping_ || !sealed_.empty(); });
}

void IngestLog::landed(const Segment& segment) {
  std::error_code ignored;
  std::filesystem::remove(segment.path, ignored);
  std::lock_guard lock(mutex_);
  const auto it = std::find_if(sealed_.begin(), sealed_.end(),
                               [&](const Segment& s) { return s.path == segment.path; });
  if (it == sealed_.end()) return;
  queued_events_ -= it->events;
  sealed_.erase(it);
}

std::size_t IngestLog::queued_events() const {
  std::lock_guard lock(mutex_);
  return queued_events_;
}

}  // namespace hw::streaming
