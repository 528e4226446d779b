#pragma once
#include <filesystem>
#include <string_view>

#include "util/unique_fd.hpp"

// The few file-system steps that make a write survive a crash: write fully, fsync the
// file, fsync the directory that names it. Each throws std::system_error naming the path.
namespace hw::util {

// Opens `path` for writing; it must not exist yet (O_EXCL), so two writers never share it.
UniqueFd create_new_file(const std::filesystem::path& path);
// Writes all of `bytes`, retrying short writes and EINTR.
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path);
void fsync_fd(int fd, const std::filesystem::path& path);
// fsync of a file or a directory by name; a directory's fsync makes its entries durable.
void fsync_path(const std::filesystem::path& path);
// Replaces `path` with `bytes` atomically and durably: a temp file beside it, fsync,
// rename, fsync of the directory. A reader sees the old content or the new, never a part.
void write_file_durably(const std::filesystem::path& path, std::string_view bytes);
// create_directories, with each new directory's entry fsynced in its parent, so a file
// made durable inside it cannot lose its path in a crash.
void create_directories_durably(const std::filesystem::path& dir);
// Renames a file or directory, then fsyncs the destination's directory.
void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace hw::util
