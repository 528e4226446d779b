#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

// A source's artifact folder, laid out as the Sources SDK seed shows:
//   Sources/{name}/Artifacts/{name}-category.txt, -description.txt, -icon.svg, -label.txt,
//   -connectionSpec.json
namespace hw::toolkit {

enum class Artifact { category, description, icon, label, connection_spec };

inline constexpr std::array<Artifact, 5> kArtifacts = {Artifact::category, Artifact::description,
                                                       Artifact::icon, Artifact::label,
                                                       Artifact::connection_spec};

// "-category.txt", "-connectionSpec.json", …: what follows the source name.
std::string_view suffix_of(Artifact artifact);

// "{name}-category.txt", …
std::string file_name(std::string_view source_name, Artifact artifact);

// Why `name` cannot name a source folder (it becomes a path component and a file-name
// prefix): empty, too long, or with characters other than ASCII letters, digits, '-' and
// '_', or not starting with a letter or digit. nullopt when it is fine.
std::optional<std::string> source_name_problem(std::string_view name);

struct ArtifactFolder {
  std::string name;                 // the source's name, from the folder
  std::filesystem::path source;     // Sources/{name}
  std::filesystem::path artifacts;  // Sources/{name}/Artifacts

  std::filesystem::path path_of(Artifact artifact) const {
    return artifacts / file_name(name, artifact);
  }
};

// The folder of `dir`, which is `Sources/{name}` or its `Artifacts` folder; or why it is
// not one, worded to follow the folder's path ("is not a folder").
std::variant<ArtifactFolder, std::string> locate_artifacts(const std::filesystem::path& dir);

}  // namespace hw::toolkit
