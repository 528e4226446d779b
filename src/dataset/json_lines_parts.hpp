#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "dataset/batch_layout.hpp"
#include "util/unique_fd.hpp"

namespace hw::dataset {

// Appends lines to <dir>/part-00000.jsonl (or failed-…), moving on to the next number
// once a file would pass `part_bytes`, so no file grows without bound. Lines gather in a
// buffer and reach the file in large writes: no system call per line, and memory stays
// the size of the buffer however many lines are written. The first file is created by
// the first line, so an empty series has no files. Not thread-safe.
class JsonLinesParts {
 public:
  JsonLinesParts(std::filesystem::path dir, PartKind kind, std::uint64_t part_bytes);

  // `line` must not contain a newline; the newline is added here.
  void append(std::string_view line);
  // Writes out the buffer and fsyncs the open file (the ones before it were fsynced
  // when they were closed): after this every line is on disk.
  void finish();
  // Bytes appended so far, newlines included.
  std::uint64_t bytes() const { return total_bytes_; }

 private:
  void open_next();
  void flush();
  void close_current();

  std::filesystem::path dir_;
  PartKind kind_;
  std::uint64_t part_bytes_;
  std::filesystem::path current_path_;
  util::UniqueFd current_;
  std::size_t next_index_ = 0;
  std::uint64_t current_bytes_ = 0;  // of the open file, buffer included
  std::uint64_t total_bytes_ = 0;
  std::string buffer_;
};

}  // namespace hw::dataset
