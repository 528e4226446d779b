// Source names and artifact folders: what `source init` accepts as a name, and what
// `source validate` and `register` accept as a folder.
#include "toolkit/artifacts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/server_process.hpp"

namespace hw::toolkit {
namespace {

namespace fs = std::filesystem;

TEST(SourceName, PlainNamesPass) {
  for (std::string_view name : {"medallia", "acme-crm", "Acme_2", "9lives", "a"})
    EXPECT_EQ(source_name_problem(name), std::nullopt) << name;
}

TEST(SourceName, PathsAndOddCharactersAreRefused) {
  const std::string charset =
      "a source name has only ASCII letters, digits, '-' and '_' (it names a folder and its "
      "files)";
  const std::string start = "a source name starts with a letter or a digit";
  EXPECT_EQ(source_name_problem(""), "a source name is required");
  EXPECT_EQ(source_name_problem(".."), start);
  EXPECT_EQ(source_name_problem(".hidden"), start);
  EXPECT_EQ(source_name_problem("-rf"), start);
  EXPECT_EQ(source_name_problem("/etc"), start);
  EXPECT_EQ(source_name_problem("a/../../b"), charset);
  EXPECT_EQ(source_name_problem("a\\b"), charset);
  EXPECT_EQ(source_name_problem("my source"), charset);
  EXPECT_EQ(source_name_problem("a.b"), charset);
  EXPECT_EQ(source_name_problem("caf\xc3\xa9"), charset);
  EXPECT_EQ(source_name_problem(std::string(65, 'a')), "a source name has at most 64 characters");
  EXPECT_EQ(source_name_problem(std::string(64, 'a')), std::nullopt);
}

TEST(ArtifactFiles, NamesFollowTheSeed) {
  EXPECT_EQ(file_name("medallia", Artifact::category), "medallia-category.txt");
  EXPECT_EQ(file_name("medallia", Artifact::description), "medallia-description.txt");
  EXPECT_EQ(file_name("medallia", Artifact::icon), "medallia-icon.svg");
  EXPECT_EQ(file_name("medallia", Artifact::label), "medallia-label.txt");
  EXPECT_EQ(file_name("medallia", Artifact::connection_spec), "medallia-connectionSpec.json");
}

class LocateArtifacts : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(source_ / "Artifacts"); }

  static const ArtifactFolder& folder(const std::variant<ArtifactFolder, std::string>& v) {
    if (const auto* why = std::get_if<std::string>(&v)) throw std::runtime_error(*why);
    return std::get<ArtifactFolder>(v);
  }

  test::TempDir dir_;
  const fs::path source_ = fs::path(dir_.path()) / "Sources" / "acme";
};

TEST_F(LocateArtifacts, TheSourceFolderOrItsArtifactsFolder) {
  for (const auto& given : {source_, source_ / "", source_ / "Artifacts", source_ / "Artifacts/",
                            source_ / "Artifacts" / ".." / "Artifacts"}) {
    const auto located = locate_artifacts(given);
    EXPECT_EQ(folder(located).name, "acme") << given;
    EXPECT_EQ(folder(located).source, source_) << given;
    EXPECT_EQ(folder(located).artifacts, source_ / "Artifacts") << given;
    EXPECT_EQ(folder(located).path_of(Artifact::icon), source_ / "Artifacts" / "acme-icon.svg");
  }
}

TEST_F(LocateArtifacts, AnythingElseSaysWhy) {
  EXPECT_EQ(std::get<std::string>(locate_artifacts(source_ / "missing")), "is not a folder");
  std::ofstream(source_ / "file") << "x";
  EXPECT_EQ(std::get<std::string>(locate_artifacts(source_ / "file")), "is not a folder");
  EXPECT_EQ(std::get<std::string>(locate_artifacts(source_.parent_path())),
            "has no Artifacts folder; give Sources/NAME or Sources/NAME/Artifacts");
  fs::create_directories(source_.parent_path() / "bad name" / "Artifacts");
  EXPECT_EQ(std::get<std::string>(locate_artifacts(source_.parent_path() / "bad name")),
            "is named 'bad name', which cannot name a source: a source name has only ASCII "
            "letters, digits, '-' and '_' (it names a folder and its files)");
}

}  // namespace
}  // namespace hw::toolkit
