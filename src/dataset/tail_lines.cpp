#include "dataset/tail_lines.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace hw::dataset {
namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;

class NewestFirst {
 public:
  explicit NewestFirst(std::size_t wanted) : wanted_(wanted) {}
  bool full() const { return lines_.size() >= wanted_; }
  void take(std::string_view line) {
    if (!line.empty()) lines_.emplace_back(line);
  }
  std::vector<std::string> in_file_order() && {
    std::reverse(lines_.begin(), lines_.end());
    return std::move(lines_);
  }

 private:
  std::size_t wanted_;
  std::vector<std::string> lines_;
};

// Takes the complete lines at the end of `tail`, newest first, and leaves in `tail` the
// text before its first newline, which may continue in the block before it.
void take_complete_lines(std::string& tail, NewestFirst& out) {
  std::size_t end = tail.size();
  while (!out.full() && end > 0) {
    const std::size_t newline = tail.rfind('\n', end - 1);
    if (newline == std::string::npos) break;
    out.take(std::string_view(tail).substr(newline + 1, end - newline - 1));
    end = newline;
  }
  tail.resize(end);
}

}  // namespace

std::vector<std::string> last_lines(const std::filesystem::path& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  NewestFirst out(n);
  std::uintmax_t position = std::filesystem::file_size(path);
  std::string tail, block;
  while (!out.full() && position > 0) {
    const std::size_t size =
        static_cast<std::size_t>(std::min<std::uintmax_t>(kBlockBytes, position));
    position -= size;
    block.resize(size);
    in.seekg(static_cast<std::streamoff>(position));
    if (!in.read(block.data(), static_cast<std::streamsize>(size)))
      throw std::runtime_error("cannot read " + path.string());
    tail.insert(0, block);
    take_complete_lines(tail, out);
  }
  // At the start of the file, what is left is the first line.
  if (!out.full() && position == 0) out.take(tail);
  return std::move(out).in_file_order();
}

}  // namespace hw::dataset
