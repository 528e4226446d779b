#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace hw::dataset {

// The last `n` non-empty lines of a file, in file order. The file is read backwards in
// blocks, so a large file costs only its tail.
std::vector<std::string> last_lines(const std::filesystem::path& path, std::size_t n);

}  // namespace hw::dataset
