#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hw::test {

// One fenced shell block of a tutorial. The line before its fence may hold a directive,
// invisible once rendered:
//   <!-- tutorial-test: skip -->           not run (building Headwater itself)
//   <!-- tutorial-test: background PORT --> a long-running command (a server), started in
//                                           the background and waited for on PORT
struct TutorialBlock {
  enum class Kind { run, background, skip };
  Kind kind = Kind::run;
  std::string text;
  int line = 0;  // of the opening fence, 1-based
  int port = 0;  // Kind::background
};

// The ```sh blocks of a markdown document, in order. Blocks of another language must be
// display-only ones (text, json, jsonl); any other fence, an unclosed fence or a bad
// directive throws std::runtime_error naming its line, so a command cannot hide from the
// test in a block it does not run.
std::vector<TutorialBlock> tutorial_blocks(std::string_view markdown);

// A bash script that runs the blocks in order in one shell (variables and `cd` carry over),
// under `set -euo pipefail`. Each block is announced on stdout as "@@block N" (N counting
// from 1 over every shell block, skipped ones too). The tutorial's well-known ports (keys of
// `ports`, e.g. 8080) are replaced by the test's (values) wherever `localhost:PORT` or
// `127.0.0.1:PORT` appears. On exit, background commands get SIGTERM and are waited for.
std::string tutorial_script(const std::vector<TutorialBlock>& blocks,
                            const std::map<int, int>& ports);

// The output of each announced block of a script's run: index N-1 holds block N's.
std::vector<std::string> block_outputs(std::string_view script_output, std::size_t blocks);

}  // namespace hw::test
