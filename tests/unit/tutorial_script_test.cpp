// The tutorial test's reading of markdown: which blocks run, how, and what refuses.
#include "support/tutorial_script.hpp"

#include <gtest/gtest.h>

namespace hw::test {
namespace {

using Kind = TutorialBlock::Kind;

TEST(TutorialScriptTest, ShellBlocksRunInOrderWithTheirDirectives) {
  const auto blocks = tutorial_blocks(
      "# T\n"
      "<!-- tutorial-test: skip -->\n"
      "```sh\nmake build\n```\n"
      "text\n\n"
      "<!-- tutorial-test: background 8080 -->\n\n"
      "```sh\nheadwater serve\n```\n"
      "```text\nheadwater listening\n```\n"
      "```bash\nID=$(x)\n\necho \"$ID\"\n```\n");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, Kind::skip);
  EXPECT_EQ(blocks[0].text, "make build\n");
  EXPECT_EQ(blocks[0].line, 3);
  EXPECT_EQ(blocks[1].kind, Kind::background);
  EXPECT_EQ(blocks[1].port, 8080);
  EXPECT_EQ(blocks[1].text, "headwater serve\n");
  EXPECT_EQ(blocks[2].kind, Kind::run);
  EXPECT_EQ(blocks[2].text, "ID=$(x)\n\necho \"$ID\"\n");
}

TEST(TutorialScriptTest, ADirectiveOnlyAppliesToTheBlockRightAfterIt) {
  const auto blocks =
      tutorial_blocks("<!-- tutorial-test: skip -->\nSome prose.\n```sh\nls\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].kind, Kind::run);
}

void expect_refused(const std::string& markdown, const std::string& message) {
  try {
    tutorial_blocks(markdown);
    ADD_FAILURE() << "accepted: " << markdown;
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(TutorialScriptTest, BlocksThatCouldHideACommandAreRefused) {
  expect_refused("x\n```console\n$ ls\n```\n",
                 "line 2: a fence is sh, text, json or jsonl, not \"console\"");
  expect_refused("```\nls\n```\n", "line 1: a fence is sh, text, json or jsonl, not \"\"");
  expect_refused("```sh\nls\n", "line 1: the fence is never closed");
  expect_refused("<!-- tutorial-test: later -->\n```sh\nls\n```\n",
                 "line 1: unknown directive: later");
  expect_refused("<!-- tutorial-test: background web -->\n```sh\nls\n```\n",
                 "line 1: background takes a port number");
}

TEST(TutorialScriptTest, TheScriptRunsBlocksInOneShellOnTheTestsPorts) {
  std::vector<TutorialBlock> blocks(3);
  blocks[0] = {Kind::skip, "make build\n", 1, 0};
  blocks[1] = {Kind::background, "headwater sample-api\n", 5, 9090};
  blocks[2] = {Kind::run, "curl http://localhost:9090/a http://127.0.0.1:8080/b\n", 9, 0};
  const auto script = tutorial_script(blocks, {{8080, 41000}, {9090, 41001}});
  EXPECT_TRUE(script.starts_with("set -euo pipefail\n"));
  EXPECT_EQ(script.find("make build"), std::string::npos);
  EXPECT_TRUE(
      script.ends_with("echo '@@block 1'\n"
                       "echo '@@block 2'\n"
                       "{\nheadwater sample-api\n} > .tutorial-background-2.log 2>&1 &\n"
                       "hw_tutorial_wait 41001 $! .tutorial-background-2.log\n"
                       "echo '@@block 3'\n"
                       "curl http://localhost:41001/a http://127.0.0.1:41000/b\n"))
      << script;
}

TEST(TutorialScriptTest, OutputIsSplitAtTheBlockMarkers) {
  const auto outputs = block_outputs("noise\n@@block 1\na\nb\n@@block 3\nc\n", 3);
  EXPECT_EQ(outputs, (std::vector<std::string>{"a\nb\n", "", "c\n"}));
}

}  // namespace
}  // namespace hw::test
