#include "toolkit/artifacts.hpp"

#include <system_error>

namespace hw::toolkit {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxNameLength = 64;
constexpr std::string_view kArtifactsFolder = "Artifacts";

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_folder(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// `dir` made absolute, without "." or ".." parts or a trailing separator, so that its last
// component is a folder name even for "." or "Sources/x/".
fs::path normalized(const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  if (ec) p = dir.lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

}  // namespace

std::string_view suffix_of(Artifact artifact) {
  switch (artifact) {
    case Artifact::category:
      return "-category.txt";
    case Artifact::description:
      return "-description.txt";
    case Artifact::icon:
      return "-icon.svg";
    case Artifact::label:
      return "-label.txt";
    case Artifact::connection_spec:
      return "-connectionSpec.json";
  }
  return {};
}

std::string file_name(std::string_view source_name, Artifact artifact) {
  return std::string(source_name) + std::string(suffix_of(artifact));
}

std::optional<std::string> source_name_problem(std::string_view name) {
  if (name.empty()) return "a source name is required";
  if (name.size() > kMaxNameLength)
    return "a source name has at most " + std::to_string(kMaxNameLength) + " characters";
  if (!is_alnum(name.front())) return "a source name starts with a letter or a digit";
  for (char c : name) {
    if (!is_alnum(c) && c != '-' && c != '_')
      return "a source name has only ASCII letters, digits, '-' and '_' (it names a folder and "
             "its files)";
  }
  return std::nullopt;
}

std::variant<ArtifactFolder, std::string> locate_artifacts(const fs::path& dir) {
  const fs::path p = normalized(dir);
  if (!is_folder(p)) return std::string("is not a folder");
  ArtifactFolder folder;
  if (p.filename() == kArtifactsFolder) {
    folder.source = p.parent_path();
    folder.artifacts = p;
  } else {
    folder.source = p;
    folder.artifacts = p / kArtifactsFolder;
    if (!is_folder(folder.artifacts))
      return std::string("has no Artifacts folder; give Sources/NAME or Sources/NAME/Artifacts");
  }
  folder.name = folder.source.filename().string();
  if (auto problem = source_name_problem(folder.name))
    return "is named '" + folder.name + "', which cannot name a source: " + *problem;
  return folder;
}

}  // namespace hw::toolkit
