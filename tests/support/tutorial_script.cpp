#include "support/tutorial_script.hpp"

#include <charconv>
#include <stdexcept>

namespace hw::test {
namespace {

constexpr std::string_view kDirective = "<!-- tutorial-test:";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

[[noreturn]] void fail(int line, const std::string& why) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + why);
}

bool is_shell(std::string_view language) {
  return language == "sh" || language == "bash" || language == "shell";
}

bool is_display(std::string_view language) {
  return language == "text" || language == "json" || language == "jsonl";
}

// Applies the directive `previous` (the last non-blank line before the fence), if any.
void apply_directive(std::string_view previous, TutorialBlock& block) {
  if (!previous.starts_with(kDirective)) return;
  std::string_view body = previous.substr(kDirective.size());
  if (!body.ends_with("-->")) fail(block.line - 1, "a directive ends with -->");
  body = trim(body.substr(0, body.size() - 3));
  if (body == "skip") {
    block.kind = TutorialBlock::Kind::skip;
  } else if (body.starts_with("background ")) {
    const auto port = trim(body.substr(11));
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), block.port);
    if (ec != std::errc() || end != port.data() + port.size() || block.port <= 0)
      fail(block.line - 1, "background takes a port number");
    block.kind = TutorialBlock::Kind::background;
  } else {
    fail(block.line - 1, "unknown directive: " + std::string(body));
  }
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string with_ports(std::string text, const std::map<int, int>& ports) {
  for (const auto& [known, actual] : ports) {
    for (const std::string host : {"localhost:", "127.0.0.1:"})
      replace_all(text, host + std::to_string(known), host + std::to_string(actual));
  }
  return text;
}

int mapped(int port, const std::map<int, int>& ports) {
  const auto it = ports.find(port);
  if (it == ports.end()) throw std::runtime_error("no test port for " + std::to_string(port));
  return it->second;
}

// Waits for the background command's port, failing fast (with its output) when it exits.
constexpr std::string_view kPrelude = R"(set -euo pipefail
hw_tutorial_wait() {
  for _ in $(seq 300); do
    if (: > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "background command exited:"; cat "$3"; return 1; fi
    sleep 0.1
  done
  echo "nothing listens on port $1 after 30 s:"; cat "$3"; return 1
}
hw_tutorial_stop() {
  local pids; pids=$(jobs -p)
  if [ -n "$pids" ]; then kill $pids 2>/dev/null || true; wait $pids 2>/dev/null || true; fi
}
trap 'rc=$?; hw_tutorial_stop; exit $rc' EXIT
)";

}  // namespace

std::vector<TutorialBlock> tutorial_blocks(std::string_view markdown) {
  std::vector<TutorialBlock> blocks;
  const auto lines = split_lines(markdown);
  std::string_view previous;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = trim(lines[i]);
    if (!line.starts_with("```")) {
      if (!line.empty()) previous = line;
      continue;
    }
    const auto language = trim(line.substr(3));
    const int fence_line = static_cast<int>(i) + 1;
    if (!is_shell(language) && !is_display(language))
      fail(fence_line, "a fence is sh, text, json or jsonl, not \"" + std::string(language) + "\"");
    TutorialBlock block;
    block.line = fence_line;
    if (is_shell(language)) apply_directive(previous, block);
    for (++i; i < lines.size() && trim(lines[i]) != "```"; ++i)
      block.text.append(trim(lines[i]).empty() ? "" : std::string(lines[i])).append("\n");
    if (i == lines.size()) fail(fence_line, "the fence is never closed");
    if (is_shell(language)) blocks.push_back(std::move(block));
    previous = {};
  }
  return blocks;
}

std::string tutorial_script(const std::vector<TutorialBlock>& blocks,
                            const std::map<int, int>& ports) {
  std::string script(kPrelude);
  for (std::size_t n = 1; n <= blocks.size(); ++n) {
    const auto& block = blocks[n - 1];
    script += "echo '@@block " + std::to_string(n) + "'\n";
    const auto text = with_ports(block.text, ports);
    if (block.kind == TutorialBlock::Kind::run) script += text;
    if (block.kind != TutorialBlock::Kind::background) continue;
    const std::string log = ".tutorial-background-" + std::to_string(n) + ".log";
    script += "{\n" + text + "} > " + log + " 2>&1 &\n";
    script += "hw_tutorial_wait " + std::to_string(mapped(block.port, ports)) + " $! " + log + "\n";
  }
  return script;
}

std::vector<std::string> block_outputs(std::string_view script_output, std::size_t blocks) {
  std::vector<std::string> outputs(blocks);
  std::string* current = nullptr;
  for (const auto line : split_lines(script_output)) {
    if (line.starts_with("@@block ")) {
      std::size_t n = 0;
      std::from_chars(line.data() + 8, line.data() + line.size(), n);
      current = n >= 1 && n <= blocks ? &outputs[n - 1] : nullptr;
      continue;
    }
    if (current) current->append(line).append("\n");
  }
  return outputs;
}

}  // namespace hw::test
