#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "streaming/segment.hpp"
#include "streaming/segment_file.hpp"

namespace hw::streaming {

struct IngestLogOptions {
  // Each segment covers one window of the wall clock, aligned to multiples of it.
  std::chrono::milliseconds window{60'000};
  // Bytes waiting for the next commit, at most: what bounds the log's memory.
  std::size_t max_pending_bytes = std::size_t{64} << 20;
  // Events accepted and not yet landed in a dataset, at most: what bounds the disk the log
  // takes when landing falls behind.
  std::size_t max_queued_events = 2'000'000;
  // Commits in flight at most. A commit starts while another is in flight only once that
  // one has been writing for a millisecond (kStagger): a disk that answers in microseconds
  // sees one writer and large commits, one that holds each write for milliseconds (the
  // virtual disk of docs/PERFORMANCE.md) sees several in flight.
  unsigned writers = 4;
};

// append() refused: the queue is full; try again after this long.
struct Busy {
  std::chrono::seconds retry_after;
};

// The durable, append-only log behind the inlets (DESIGN §5 and §8: a narrow interface,
// so a Kafka topic can take its place). Appends from concurrent requests are written
// together, durably, by one write (group commit), and several such commits are in flight at
// once; each request hears back only after its frames are on disk and so is everything
// committed before them, so what is acknowledged is always a whole prefix of the segment. A
// segment per window; the window lander turns sealed segments into Catalog batches and hands
// them back through landed().
class IngestLog {
 public:
  using Done = std::function<void(bool durable)>;

  IngestLog(std::filesystem::path dir, IngestLogOptions options);
  ~IngestLog();
  IngestLog(const IngestLog&) = delete;
  IngestLog& operator=(const IngestLog&) = delete;

  // Before start(): keeps the whole frames of every segment a previous process left (a torn
  // or damaged tail is cut off) and seals the segment it was appending to.
  void recover();
  void start();
  // Commits what is pending, seals the open segment and joins the writers.
  void stop();

  // Queues `frames` (whole frames holding `events` entries) for the next commit. `done` runs
  // on a writer thread once they are durable (true) or could not be written (false).
  // A Busy answer means nothing was queued. An empty queue takes any request, so a request
  // larger than a bound is still served.
  std::optional<Busy> append(std::string frames, std::size_t events, Done done);

  // Sealed segments waiting to land, oldest first.
  std::vector<Segment> sealed() const;
  // Returns once a segment is sealed, after `timeout`, or on stop().
  void wait_for_seal(std::chrono::milliseconds timeout);
  // `segment` has landed: its file goes, and its events leave the queue.
  void landed(const Segment& segment);
  std::size_t queued_events() const;

 private:
  struct Open;
  struct Commit;
  using Lock = std::unique_lock<std::mutex>;

  void writer_loop();
  bool closing() const;
  bool can_act() const;
  bool may_commit() const;
  std::optional<std::chrono::steady_clock::duration> patience() const;
  void open_segment(Lock& lock);
  void seal(Lock& lock);
  void commit(Lock& lock, AlignedBuffer& buffer);
  std::vector<std::pair<Done, bool>> acknowledge_in_order();
  std::int64_t window_end_after(std::int64_t ms) const;
  std::chrono::seconds retry_after(std::int64_t now_ms) const;

  const std::filesystem::path dir_;
  const IngestLogOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;  // for the writers: work, or a commit finished
  std::condition_variable sealed_changed_;
  std::vector<std::string> pending_;  // each request's frames, as appended
  std::size_t pending_bytes_ = 0;
  std::vector<Done> pending_done_;
  std::size_t pending_events_ = 0;
  std::size_t queued_events_ = 0;  // pending, and committed but not yet landed
  std::vector<Segment> sealed_;
  std::shared_ptr<Open> open_;
  bool opening_ = false;  // a writer is creating the next segment
  std::int64_t last_start_ms_ = 0;
  std::uint64_t next_seq_ = 0;                         // of the next commit
  std::uint64_t next_ack_ = 0;                         // the commit whose acknowledgement is next
  std::chrono::steady_clock::time_point last_commit_;  // when the latest commit started
  std::map<std::uint64_t, Commit> finished_;           // written, waiting for earlier commits
  unsigned awake_ = 0;                                 // writers not waiting
  bool armed_ = false;  // a writer was woken for what is pending and has not committed yet
  bool stopping_ = false;
  std::vector<std::thread> writers_;
};

}  // namespace hw::streaming
