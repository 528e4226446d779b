#pragma once
#include <cstddef>
#include <string>

namespace hw::test {

// Whole file as bytes; throws std::runtime_error when it cannot be read.
std::string read_file(const std::string& path);

// Path of `rel` inside the shared folder (seeds, reference docs) next to the repo.
std::string shared_path(const std::string& rel);

// The body of the nth `curl ... -d '...'` request in a markdown document, verbatim, so a
// test can replay exactly what the docs send (duplicate keys and all). Throws
// std::out_of_range when the document has fewer such requests.
std::string extract_curl_body(const std::string& markdown, std::size_t nth = 0);

}  // namespace hw::test
