// The ingest log on disk: commits padded to blocks and read back, recovery of what a crash
// left (a torn or damaged tail, an unsealed segment), acknowledgement only once durable,
// the bounded queue, and concurrent commits.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "streaming/frame.hpp"
#include "streaming/ingest_log.hpp"
#include "streaming/log_entry.hpp"
#include "streaming/segment.hpp"
#include "support/server_process.hpp"

namespace hw::streaming {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string frames_of(const std::vector<std::string>& records) {
  std::string out;
  for (const auto& r : records) {
    const auto start = open_frame(out);
    encode_entry(out, {"ORG", "prod", "flow", 1, "", r});
    close_frame(out, start);
  }
  return out;
}

std::vector<std::string> records_in(const fs::path& path) {
  std::vector<std::string> out;
  SegmentReader reader(path);
  while (auto payload = reader.next()) out.emplace_back(decode_entry(*payload)->record);
  return out;
}

void append_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::app) << bytes;
}

// Waits, bounded, for every append's acknowledgement.
class Acks {
 public:
  IngestLog::Done expect() {
    std::lock_guard lock(mutex_);
    ++expected_;
    return [this](bool durable) {
      std::lock_guard lock(mutex_);
      durable ? ++durable_ : ++refused_;
      changed_.notify_all();
    };
  }
  std::size_t wait_durable() {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, 20s, [this] { return durable_ + refused_ == expected_; });
    return durable_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t expected_ = 0, durable_ = 0, refused_ = 0;
};

IngestLogOptions options(std::size_t max_queued = 1000, unsigned writers = 1) {
  IngestLogOptions o;
  o.window = 3600s;  // no window closes during a test unless it stops the log
  o.max_queued_events = max_queued;
  o.writers = writers;
  return o;
}

TEST(StreamingSegment, CommitsArePaddedToBlocksAndReadBackInOrder) {
  test::TempDir dir;
  const fs::path path = fs::path(dir.path()) / "1.open";
  SegmentFile file(path);
  AlignedBuffer buffer;
  const std::string first = frames_of({"a", "b"});
  const std::string second = frames_of({"c"});
  file.write_at(0, {first}, buffer);
  const std::uint64_t next = next_commit_offset(0, first.size());
  EXPECT_EQ(next, kCommitAlignment);
  file.write_at(next, {second}, buffer);
  EXPECT_EQ(fs::file_size(path), 2 * kCommitAlignment);
  EXPECT_EQ(records_in(path), (std::vector<std::string>{"a", "b", "c"}));
  SegmentReader reader(path);
  while (reader.next()) {
  }
  EXPECT_EQ(reader.stop(), FrameStatus::padding);
  EXPECT_EQ(reader.valid_end(), next + second.size());
  file.finish(next + second.size());
  EXPECT_EQ(fs::file_size(path), next + second.size());
  SegmentReader after(path);
  while (after.next()) {
  }
  EXPECT_EQ(after.stop(), FrameStatus::end);
}

TEST(StreamingIngestLog, AcknowledgesDurableAppendsAndSealsOnStop) {
  test::TempDir dir;
  Acks acks;
  {
    IngestLog log(dir.path(), options());
    log.recover();
    log.start();
    EXPECT_FALSE(log.append(frames_of({"1", "2"}), 2, acks.expect()));
    EXPECT_FALSE(log.append(frames_of({"3"}), 1, acks.expect()));
    EXPECT_EQ(acks.wait_durable(), 2U);
    EXPECT_EQ(log.queued_events(), 3U);
    log.stop();
    const auto sealed = log.sealed();
    ASSERT_EQ(sealed.size(), 1U);
    EXPECT_TRUE(sealed[0].sealed());
    EXPECT_EQ(sealed[0].events, 3U);
    EXPECT_EQ(sealed[0].path.extension(), ".seg");
    EXPECT_EQ(records_in(sealed[0].path), (std::vector<std::string>{"1", "2", "3"}));
  }
}

TEST(StreamingIngestLog, RecoveryKeepsWholeFramesAndCutsATornTail) {
  test::TempDir dir;
  const fs::path open = open_segment_path(dir.path(), 1700000000000);
  const std::string whole = frames_of({"acked-1", "acked-2"});
  const std::string torn = frames_of({"never acknowledged"});
  append_bytes(open, whole + torn.substr(0, torn.size() - 5));
  IngestLog log(dir.path(), options());
  log.recover();
  const auto sealed = log.sealed();
  ASSERT_EQ(sealed.size(), 1U);
  EXPECT_FALSE(fs::exists(open));
  EXPECT_EQ(sealed[0].start_ms, 1700000000000);
  EXPECT_GT(sealed[0].end_ms, sealed[0].start_ms);
  EXPECT_EQ(sealed[0].events, 2U);
  EXPECT_EQ(fs::file_size(sealed[0].path), whole.size());
  EXPECT_EQ(records_in(sealed[0].path), (std::vector<std::string>{"acked-1", "acked-2"}));
  EXPECT_EQ(log.queued_events(), 2U);
}

TEST(StreamingIngestLog, RecoveryStopsAtADamagedFrame) {
  test::TempDir dir;
  const fs::path open = open_segment_path(dir.path(), 1700000000000);
  const std::string good = frames_of({"good"});
  std::string damaged = frames_of({"bit flipped"});
  damaged.back() ^= 1;
  append_bytes(open, good + damaged + frames_of({"after the damage"}));
  IngestLog log(dir.path(), options());
  log.recover();
  ASSERT_EQ(log.sealed().size(), 1U);
  EXPECT_EQ(records_in(log.sealed()[0].path), std::vector<std::string>{"good"});
  EXPECT_EQ(fs::file_size(log.sealed()[0].path), good.size());
}

TEST(StreamingIngestLog, RecoveryDropsASegmentWithNoWholeFrame) {
  test::TempDir dir;
  const fs::path open = open_segment_path(dir.path(), 1700000000000);
  append_bytes(open, frames_of({"x"}).substr(0, 7));
  IngestLog log(dir.path(), options());
  log.recover();
  EXPECT_TRUE(log.sealed().empty());
  EXPECT_FALSE(fs::exists(open));
  EXPECT_EQ(log.queued_events(), 0U);
}

TEST(StreamingIngestLog, ABoundedQueueRefusesWithRetryAfterUntilSegmentsLand) {
  test::TempDir dir;
  Acks acks;
  IngestLog log(dir.path(), options(3));
  log.recover();
  log.start();
  EXPECT_FALSE(log.append(frames_of({"1", "2"}), 2, acks.expect()));
  EXPECT_FALSE(log.append(frames_of({"3"}), 1, acks.expect()));
  const auto busy = log.append(frames_of({"4"}), 1, [](bool) { FAIL() << "must not be called"; });
  ASSERT_TRUE(busy);
  EXPECT_GE(busy->retry_after, 1s);
  EXPECT_LE(busy->retry_after, 3600s);
  EXPECT_EQ(acks.wait_durable(), 2U);
  log.stop();
  ASSERT_EQ(log.sealed().size(), 1U);
  log.landed(log.sealed()[0]);
  EXPECT_EQ(log.queued_events(), 0U);
  EXPECT_TRUE(log.sealed().empty());
}

TEST(StreamingIngestLog, AnEmptyQueueTakesARequestLargerThanTheBound) {
  test::TempDir dir;
  Acks acks;
  IngestLog log(dir.path(), options(1));
  log.recover();
  log.start();
  EXPECT_FALSE(log.append(frames_of({"1", "2", "3"}), 3, acks.expect()));
  EXPECT_EQ(acks.wait_durable(), 1U);
}

TEST(StreamingIngestLog, ConcurrentWritersAcknowledgeEveryAppendOnce) {
  test::TempDir dir;
  Acks acks;
  constexpr int kThreads = 8, kPerThread = 200;
  {
    IngestLog log(dir.path(), options(1'000'000, 4));
    log.recover();
    log.start();
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) {
      clients.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const std::string record = std::to_string(t) + ":" + std::to_string(i);
          EXPECT_FALSE(log.append(frames_of({record}), 1, acks.expect()));
        }
      });
    }
    for (auto& c : clients) c.join();
    EXPECT_EQ(acks.wait_durable(), std::size_t{kThreads * kPerThread});
  }
  IngestLog reopened(dir.path(), options());
  reopened.recover();
  std::multiset<std::string> seen;
  for (const auto& segment : reopened.sealed())
    for (auto& r : records_in(segment.path)) seen.insert(r);
  EXPECT_EQ(seen.size(), std::size_t{kThreads * kPerThread});
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kPerThread; ++i)
      EXPECT_EQ(seen.count(std::to_string(t) + ":" + std::to_string(i)), 1U);
}

TEST(StreamingIngestLog, WindowsCloseBetweenConcurrentCommitsWithoutLosingAny) {
  test::TempDir dir;
  Acks acks;
  std::atomic<int> appended{0};
  {
    IngestLogOptions o = options(1'000'000, 4);
    o.window = 1s;
    IngestLog log(dir.path(), o);
    log.recover();
    log.start();
    const auto until = std::chrono::steady_clock::now() + 2500ms;
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
      clients.emplace_back([&, t] {
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
          EXPECT_FALSE(log.append(frames_of({std::to_string(t) + ":" + std::to_string(i)}), 1,
                                  acks.expect()));
          ++appended;
          std::this_thread::sleep_for(200us);
        }
      });
    }
    for (auto& c : clients) c.join();
    EXPECT_EQ(acks.wait_durable(), static_cast<std::size_t>(appended.load()));
  }
  IngestLog reopened(dir.path(), options());
  reopened.recover();
  EXPECT_GE(reopened.sealed().size(), 2U);  // at least one window closed under load
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const auto& segment : reopened.sealed()) {
    for (auto& r : records_in(segment.path)) {
      seen.insert(r);
      ++total;
    }
  }
  EXPECT_EQ(total, static_cast<std::size_t>(appended.load()));
  EXPECT_EQ(seen.size(), total);
}

TEST(StreamingIngestLog, AWindowClosingSealsItsSegment) {
  test::TempDir dir;
  Acks acks;
  IngestLogOptions o = options();
  o.window = 1s;
  IngestLog log(dir.path(), o);
  log.recover();
  log.start();
  EXPECT_FALSE(log.append(frames_of({"1"}), 1, acks.expect()));
  EXPECT_EQ(acks.wait_durable(), 1U);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (log.sealed().empty() && std::chrono::steady_clock::now() < deadline)
    log.wait_for_seal(100ms);
  ASSERT_EQ(log.sealed().size(), 1U);
  const Segment segment = log.sealed()[0];
  EXPECT_EQ(segment.end_ms % 1000, 0);  // windows are aligned to their length
  EXPECT_LE(segment.end_ms - segment.start_ms, 1000);
  EXPECT_EQ(records_in(segment.path), std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace hw::streaming
