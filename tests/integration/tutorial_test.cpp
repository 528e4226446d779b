// The tutorials cannot rot: every shell block of docs/tutorial-batch.md and
// docs/tutorial-streaming.md runs, in order, in one bash with the real headwater on its
// PATH, in an empty home folder. Servers the tutorial starts in "another terminal" run in
// the background on free ports; then the records the tutorial says will land are checked.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>

#include "integration/toolkit_command.hpp"
#include "support/child_process.hpp"
#include "support/tutorial_script.hpp"

namespace hw::test {
namespace {

// A port nobody listens on now: the kernel's pick for a socket bound to port 0.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0)
    throw std::runtime_error("no free port");
  ::close(fd);
  return ntohs(address.sin_port);
}

struct ScriptRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved as they were written
};

// bash SCRIPT in `home` (also $HOME), in a process group of its own that is killed whole
// when the script outlives `timeout` or leaves anything behind.
ScriptRun run_bash(const std::string& script, const std::string& home,
                   const std::vector<std::string>& env, std::chrono::seconds timeout) {
  const std::string script_path = home + "/.tutorial.sh", out_path = home + "/.tutorial.out";
  write_text(script_path, script);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::setpgid(0, 0);
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0 ||
        ::chdir(home.c_str()) != 0)
      ::_exit(127);
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    ::execl("/bin/bash", "bash", script_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  const auto exit_code = wait_or_kill(pid, timeout);
  ::kill(-pid, SIGKILL);  // what the script left running, or was running when it timed out
  ScriptRun run;
  run.exit_code = exit_code.value_or(-1);
  run.output = slurp(out_path);
  return run;
}

class TutorialTest : public ::testing::Test {
 protected:
  // Runs the tutorial; returns each shell block's output, the run having succeeded.
  std::vector<std::string> run_tutorial(const std::string& name) {
    const auto markdown = slurp(std::string(HW_SOURCE_DIR) + "/docs/" + name);
    EXPECT_FALSE(markdown.empty()) << name;
    blocks_ = tutorial_blocks(markdown);
    const int server = free_port(), sample_api = free_port();
    const auto script = tutorial_script(blocks_, {{8080, server}, {9090, sample_api}});
    const auto bin_dir = std::filesystem::path(HW_BINARY).parent_path().string();
    const std::vector<std::string> env{
        "HOME=" + home_.path(), "PATH=" + bin_dir + ":/usr/bin:/bin",
        "HEADWATER_PORT=" + std::to_string(server),
        "HEADWATER_SERVER=http://localhost:" + std::to_string(server),
        "HEADWATER_SAMPLE_API_PORT=" + std::to_string(sample_api)};
    // Under ctest's 120 s per test, so that a hang still shows the script's output.
    const auto run = run_bash(script, home_.path(), env, std::chrono::seconds(100));
    EXPECT_EQ(run.exit_code, 0) << name << " failed; its output:\n" << run.output;
    return block_outputs(run.output, blocks_.size());
  }

  // The output of the one block whose text starts with `command`.
  std::string output_of(const std::vector<std::string>& outputs, std::string_view command) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < blocks_.size(); ++i)
      if (blocks_[i].text.starts_with(command)) found.push_back(i);
    if (found.size() != 1) {
      ADD_FAILURE() << found.size() << " blocks start with " << command;
      return {};
    }
    return outputs[found[0]];
  }

  TempDir home_;
  std::vector<TutorialBlock> blocks_;
};

std::vector<std::string> ids_of(const std::string& json_lines) {
  std::vector<std::string> ids;
  for (const auto& line : lines_of(json_lines))
    ids.emplace_back(boost::json::parse(line).at("id").as_string());
  return ids;
}

std::vector<std::string> contact_ids(int first, int last) {
  std::vector<std::string> ids;
  for (int i = first; i <= last; ++i) {
    const auto n = std::to_string(i);
    ids.push_back("c-" + std::string(4 - n.size(), '0') + n);
  }
  return ids;
}

TEST_F(TutorialTest, BatchTutorialRunsAsWrittenAndLandsEveryContact) {
  const auto outputs = run_tutorial("tutorial-batch.md");
  if (HasFailure()) return;
  EXPECT_EQ(ids_of(output_of(outputs, "cat > auth.json")), contact_ids(1, 3));
  EXPECT_EQ(output_of(outputs, "headwater run --spec"), "24\n");
  const auto verify = lines_of(output_of(outputs, "cat > env.json"));
  ASSERT_FALSE(verify.empty());
  EXPECT_EQ(verify.back(), "verify passed");
  EXPECT_EQ(output_of(outputs, "headwater dataset cat"), "120\n");
  EXPECT_EQ(ids_of(slurp(home_.path() + "/headwater-tutorial/contacts.jsonl")),
            contact_ids(1, 120));
  const auto wrong = output_of(outputs, "sed ");
  EXPECT_NE(wrong.find("\n✗ test ("), std::string::npos) << wrong;
  EXPECT_NE(wrong.find("answered 401"), std::string::npos) << wrong;
  EXPECT_TRUE(wrong.ends_with("verify failed\nverify exited with 1\n")) << wrong;
}

TEST_F(TutorialTest, StreamingTutorialRunsAsWrittenAndLandsEveryEvent) {
  const auto outputs = run_tutorial("tutorial-streaming.md");
  if (HasFailure()) return;
  const auto verify = lines_of(output_of(outputs, "cat > env.json"));
  ASSERT_FALSE(verify.empty());
  EXPECT_EQ(verify.back(), "verify passed");
  EXPECT_EQ(output_of(outputs, "headwater dataset cat"), "3\n");
  EXPECT_EQ(ids_of(slurp(home_.path() + "/headwater-streaming/events-landed.jsonl")),
            (std::vector<std::string>{"evt-1", "evt-2", "evt-3"}));
}

}  // namespace
}  // namespace hw::test
