// `headwater dataset create` and `headwater dataset cat` through the real binary and a real
// server: records posted to a streaming inlet, or batches written offline as a run writes
// them (as batches_test does), read back by `cat` through Catalog and Data Access only.
#include <gtest/gtest.h>
#include <poll.h>

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "dataset/batch_writer.hpp"
#include "integration/streaming_fixture.hpp"
#include "integration/toolkit_command.hpp"
#include "store/sqlite_store.hpp"
#include "support/abandon.hpp"
#include "support/child_process.hpp"
#include "util/ids.hpp"

namespace hw::test {
namespace {

const resource::Caller kCaller{{"TESTORG@AdobeOrg", "prod"}, "user@AdobeID", "client"};
constexpr std::string_view kUnknown = "11111111-2222-4333-8444-555555555555";

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// `{"n":first}` … `{"n":last}`.
std::vector<std::string> numbered(int first, int last) {
  std::vector<std::string> out;
  for (int n = first; n <= last; ++n) out.push_back(R"({"n":)" + std::to_string(n) + "}");
  return out;
}

// Writes batches as a run does, each begun in a later millisecond than the one before, so
// Catalog's `created` orders them as they were written.
class Lander {
 public:
  explicit Lander(dataset::Batches& batches) : batches_(batches) {}

  dataset::BatchWriter begin(const std::string& dataset) {
    while (util::now_ms() <= last_ms_) std::this_thread::yield();
    auto writer = batches_.begin(kCaller, dataset, {});
    last_ms_ = util::now_ms();
    return writer;
  }

  std::string land(const std::string& dataset, const std::vector<std::string>& records,
                   std::optional<std::string> error = std::nullopt) {
    auto writer = begin(dataset);
    for (const auto& record : records) writer.append(record);
    return writer.commit(std::move(error)).batch_id;
  }

 private:
  dataset::Batches& batches_;
  std::int64_t last_ms_ = 0;
};

// What `headwater … | head -n 1` sees: the first line, and how the command ended.
struct EarlyClose {
  std::string first_line;
  int exit_code = -1;  // 128 + signal when a signal ended it
  std::string err;
};

class DatasetCommandTest : public StreamingTest {
 protected:
  CommandResult headwater(std::vector<std::string> args) {
    for (const auto& option : {"--server", server_.base_url().c_str(), "--org", "TESTORG@AdobeOrg"})
      args.emplace_back(option);
    return run_headwater(args, dir_.path());
  }

  CommandResult cat(const std::string& dataset, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"dataset", "cat", dataset};
    args.insert(args.end(), extra.begin(), extra.end());
    return headwater(args);
  }

  std::string new_dataset(const std::string& name) {
    const auto created = headwater({"dataset", "create", name});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    const auto lines = hw::test::lines_of(created.out);
    return lines.size() == 1 ? lines[0] : std::string();
  }

  // Runs `write` against the server's data dir while the server is stopped.
  void offline(const std::function<void(Lander&)>& write, dataset::BatchOptions options = {}) {
    server_.stop();
    {
      auto store = store::open_sqlite_store(data_dir());
      dataset::Batches batches(*store, data_dir(), options);
      Lander lander(batches);
      write(lander);
    }
    restart_server();
  }

  std::string data_dir() const { return dir_.path() + "/data"; }

  // `dataset cat` with stdout a pipe that is read up to the first line and then closed.
  EarlyClose cat_first_line(const std::string& dataset) {
    const std::vector<std::string> args = {
        "dataset", "cat", dataset, "--server", server_.base_url(), "--org", "TESTORG@AdobeOrg"};
    const auto argv = exec_argv(HW_BINARY, args);
    const std::string err_path = dir_.path() + "/early-err";
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) exec_with_stdout(argv, out, err_path);
    ::close(out[1]);
    EarlyClose result;
    result.first_line = read_line(out[0]);
    ::close(out[0]);
    const auto exit_code = wait_or_kill(pid, std::chrono::seconds(60));
    if (!exit_code) ADD_FAILURE() << "dataset cat did not end once its stdout was closed";
    result.exit_code = exit_code.value_or(-1);
    result.err = slurp(err_path);
    return result;
  }

 private:
  [[noreturn]] static void exec_with_stdout(const std::vector<char*>& argv, const int out[2],
                                            const std::string& err_path) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || err < 0 || ::close(out[0]) != 0 || ::dup2(in, 0) < 0 || ::dup2(out[1], 1) < 0 ||
        ::dup2(err, 2) < 0)
      ::_exit(127);
    ::execv(HW_BINARY, argv.data());
    ::_exit(127);
  }

  // Up to the first newline (excluded), waiting at most 60 s in all.
  static std::string read_line(int fd) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string text;
    while (text.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd ready{fd, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) != 1) break;
      char buffer[4096];
      const auto n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      text.append(buffer, static_cast<std::size_t>(n));
    }
    return text.substr(0, text.find('\n'));
  }
};

TEST_F(DatasetCommandTest, CatPrintsAStreamsRecordsOldestBatchFirstAndBatchPrintsOneBatch) {
  const Stream s = create_stream();
  ASSERT_EQ(post_signed(batch_path(s), R"([{"id":1,"name":"first"},{"id":2}])").status, 207);
  wait_for_received(s.flow, 2);
  ASSERT_EQ(post_signed(batch_path(s), R"([{"id":3,"tags":["a","b"]},{"id":4}])").status, 207);
  wait_for_received(s.flow, 4);
  const auto runs = runs_of(s.flow);
  ASSERT_EQ(runs.size(), 2u);

  const auto all = cat(s.dataset);
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.err, "");
  EXPECT_EQ(all.out, joined({R"({"id":1,"name":"first"})", R"({"id":2})",
                             R"({"id":3,"tags":["a","b"]})", R"({"id":4})"}));

  const std::string second = str(runs[1].at("activities").at(0), "id");
  const auto one = cat(s.dataset, {"--batch", second});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.err, "");
  EXPECT_EQ(one.out, joined({R"({"id":3,"tags":["a","b"]})", R"({"id":4})"}));

  const std::string other = new_dataset("other");
  const auto refused = cat(other, {"--batch", second});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err, "headwater dataset cat: batch " + second + " is not a batch of dataset " +
                             other + ": it belongs to dataset " + s.dataset + "\n");
}

TEST_F(DatasetCommandTest, CatSkipsBatchesThatAreNotSuccessAndReadsEveryPartPage) {
  const std::string dataset = new_dataset("landing");
  std::string first, failed, interrupted, last;
  // One record per part file: the first batch has 150 parts, two pages of Data Access.
  offline(
      [&](Lander& lander) {
        first = lander.land(dataset, numbered(0, 149));
        failed = lander.land(dataset, {R"({"lost":1})"}, "the upstream answered 500");
        auto& crashed = abandon(lander.begin(dataset));
        crashed.append(R"({"lost":2})");
        interrupted = crashed.batch_id();
        last = lander.land(dataset, numbered(150, 150));
      },
      {.part_bytes = 1});

  const auto all = cat(dataset);
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out, joined(numbered(0, 150)));
  EXPECT_EQ(all.err, "skipped 2 batches that are not success: " + failed + " (failed), " +
                         interrupted + " (failed)\n");

  const auto only_failed = cat(dataset, {"--batch", failed});
  EXPECT_EQ(only_failed.exit_code, 0) << only_failed.err;
  EXPECT_EQ(only_failed.out, "");
  EXPECT_EQ(only_failed.err, "skipped 1 batch that is not success: " + failed + " (failed)\n");

  const auto only_last = cat(dataset, {"--batch", last});
  EXPECT_EQ(only_last.exit_code, 0) << only_last.err;
  EXPECT_EQ(only_last.out, "{\"n\":150}\n");
  EXPECT_EQ(only_last.err, "");

  const auto unknown = cat(dataset, {"--batch", std::string(kUnknown)});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "headwater dataset cat: 404 NOT_FOUND: batch '" + std::string(kUnknown) +
                             "' was not found in this organization and sandbox\n");
}

TEST_F(DatasetCommandTest, CatReadsEveryCatalogPageOfBatches) {
  const std::string dataset = new_dataset("many batches");
  offline([&](Lander& lander) {
    for (int n = 0; n < 101; ++n) lander.land(dataset, numbered(n, n));
  });
  const auto all = cat(dataset);
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.err, "");
  EXPECT_EQ(all.out, joined(numbered(0, 100)));
}

TEST_F(DatasetCommandTest, CatOfAnUnknownDatasetIsA404) {
  const auto unknown = cat(std::string(kUnknown));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "headwater dataset cat: 404 NOT_FOUND: dataset '" + std::string(kUnknown) +
                             "' was not found in this organization and sandbox\n");
}

TEST_F(DatasetCommandTest, CatOfADatasetWithoutBatchesPrintsNothing) {
  const auto empty = cat(new_dataset("empty"));
  EXPECT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_EQ(empty.out, "");
  EXPECT_EQ(empty.err, "");
}

TEST_F(DatasetCommandTest, CatStopsQuietlyWhenItsReaderGoesAway) {
  const std::string dataset = new_dataset("large");
  const std::string pad(1000, 'x');
  std::vector<std::string> records;  // 4 MB: far more than a pipe holds
  for (int n = 0; n < 4000; ++n)
    records.push_back(R"({"n":)" + std::to_string(n) + R"(,"pad":")" + pad + R"("})");
  offline([&](Lander& lander) { lander.land(dataset, records); });

  const auto early = cat_first_line(dataset);
  EXPECT_EQ(early.first_line, records[0]);
  EXPECT_EQ(early.exit_code, 0);
  EXPECT_EQ(early.err, "");
}

TEST_F(DatasetCommandTest, CreatePrintsTheIdOfTheNewDatasetAlone) {
  const auto created = headwater({"dataset", "create", "Acme contacts"});
  EXPECT_EQ(created.exit_code, 0) << created.err;
  EXPECT_EQ(created.err, "");
  const auto lines = hw::test::lines_of(created.out);
  ASSERT_EQ(lines.size(), 1u) << created.out;
  const std::string id = lines[0];
  EXPECT_EQ(created.out, id + "\n");
  const auto got = require_status(client_.get(join(kDataSets, id)), 200).json();
  EXPECT_EQ(got.at(id).at("name"), "Acme contacts");

  const auto unnamed = headwater({"dataset", "create", ""});
  EXPECT_EQ(unnamed.exit_code, 1);
  EXPECT_EQ(unnamed.out, "");
  EXPECT_EQ(unnamed.err,
            "headwater dataset create: 400 INVALID_REQUEST: a dataset needs a name; name: must be "
            "a non-empty string\n");
}

TEST_F(DatasetCommandTest, CreateWithTheServerDownSaysItCannotReachIt) {
  const std::string url = server_.base_url();
  server_.stop();
  const auto down = run_headwater({"dataset", "create", "x", "--server", url}, dir_.path());
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_EQ(down.out, "");
  EXPECT_EQ(down.err, "headwater dataset create: cannot reach the server at " + url +
                          " (Couldn't connect to server); is `headwater serve` running there?\n");
}

}  // namespace
}  // namespace hw::test
