#pragma once
#include <string>
#include <vector>

namespace hw::spec {

// One problem found in a document. `path` is a dotted JSON path such as
// `sourceSpec.attributes.paginationParams.offSetName` or `authSpec[1].spec`;
// "$" stands for the document root.
struct Issue {
  std::string path;
  std::string message;
};

struct Report {
  std::vector<Issue> errors;
  std::vector<Issue> warnings;

  bool valid() const { return errors.empty(); }
  void error(std::string path, std::string message) {
    errors.push_back({std::move(path), std::move(message)});
  }
  void warn(std::string path, std::string message) {
    warnings.push_back({std::move(path), std::move(message)});
  }
};

// Joins a parent path and a child key: ("$", "a") -> "a", ("a", "b") -> "a.b".
inline std::string child_path(const std::string& parent, std::string_view key) {
  if (parent.empty() || parent == "$") return std::string(key);
  std::string out = parent;
  out += '.';
  out += key;
  return out;
}

inline std::string index_path(const std::string& parent, std::size_t index) {
  std::string out = parent == "$" ? std::string() : parent;
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

}  // namespace hw::spec
