// Every rule of `headwater source validate`, each passing and failing, on folders laid out
// by `source init` and then broken one way at a time.
#include "toolkit/artifact_check.hpp"
#include "toolkit/svg_check.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/source_init.hpp"
#include "spec/connection_spec_validator.hpp"
#include "support/server_process.hpp"

namespace hw::toolkit {
namespace {

namespace fs = std::filesystem;

class ArtifactCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ostringstream out, err;
    ASSERT_EQ(cli::source_init({"acme", Family::batch, dir_.path()}, out, err), 0) << err.str();
  }

  fs::path artifacts() const { return fs::path(dir_.path()) / "Sources/acme/Artifacts"; }
  fs::path path(Artifact a) const { return artifacts() / file_name("acme", a); }
  void write(Artifact a, const std::string& text) const {
    std::ofstream(path(a), std::ios::binary | std::ios::trunc) << text;
  }
  boost::json::object spec() const {
    std::ifstream in(path(Artifact::connection_spec));
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).as_object();
  }
  void write_spec(const boost::json::object& spec) const {
    write(Artifact::connection_spec, boost::json::serialize(spec));
  }

  // "FILE:PATH: [warning: ]message" per finding, as the command prints them.
  std::vector<std::string> lines() const {
    const auto located = locate_artifacts(artifacts());
    const auto check = check_artifacts(std::get<ArtifactFolder>(located));
    std::vector<std::string> out;
    for (const auto& f : check.findings)
      out.push_back(f.file + ":" + f.path + ": " + (f.warning ? "warning: " : "") + f.message);
    return out;
  }

  using Lines = std::vector<std::string>;
  test::TempDir dir_;
};

TEST_F(ArtifactCheckTest, WhatInitLaysOutPasses) {
  EXPECT_EQ(lines(), Lines{});
  const auto check = check_artifacts(std::get<ArtifactFolder>(locate_artifacts(artifacts())));
  EXPECT_EQ(check.artifacts.label, "Acme");
  EXPECT_EQ(check.artifacts.category, "protocols");
  EXPECT_EQ(check.artifacts.connection_spec->at("name"), "acme");
}

TEST_F(ArtifactCheckTest, EachMissingArtifactIsNamed) {
  fs::remove(path(Artifact::label));
  fs::remove(path(Artifact::icon));
  EXPECT_EQ(lines(), (Lines{"acme-icon.svg:$: is missing", "acme-label.txt:$: is missing"}));
}

TEST_F(ArtifactCheckTest, ArtifactsNamedForAnotherSourceAreErrorsAndStrayFilesWarnings) {
  fs::rename(path(Artifact::label), artifacts() / "other-label.txt");
  std::ofstream(artifacts() / "notes.md") << "x";
  std::ofstream(artifacts() / ".headwater") << "x";
  EXPECT_EQ(lines(), (Lines{"notes.md:$: warning: is not an artifact; it is ignored",
                            "other-label.txt:$: is named for 'other', not for its folder 'acme'; "
                            "rename it acme-label.txt",
                            "acme-label.txt:$: is missing"}));
}

TEST_F(ArtifactCheckTest, TheCategoryIsADocumentedOne) {
  write(Artifact::category, "analytics\n");
  EXPECT_EQ(lines(), Lines{"acme-category.txt:$: \"analytics\" is not a documented category; use "
                           "advertising, cloud storage, crm, customer success, database, "
                           "ecommerce, marketing automation, payments, protocols or streaming"});
  auto spec = this->spec();
  spec["sourceSpec"].as_object()["attributes"].as_object()["uiAttributes"].as_object()["category"] =
      {{"key", "cloudStorage"}};
  write_spec(spec);
  for (std::string spelling :
       {"cloud storage", "Cloud Storage\r\n", "cloudStorage", "cloud-storage"}) {
    write(Artifact::category, spelling);
    EXPECT_EQ(lines(), Lines{}) << spelling;
  }
}

TEST_F(ArtifactCheckTest, EveryDocumentedCategoryPasses) {
  const std::vector<std::pair<std::string, std::string>> documented = {
      {"advertising", "advertising"},
      {"cloud storage", "cloudStorage"},
      {"crm", "crm"},
      {"customer success", "customerSuccess"},
      {"database", "database"},
      {"ecommerce", "ecommerce"},
      {"marketing automation", "marketingAutomation"},
      {"payments", "payments"},
      {"protocols", "protocols"},
      {"streaming", "streaming"}};
  auto spec = this->spec();
  auto& ui = spec["sourceSpec"].as_object()["attributes"].as_object()["uiAttributes"].as_object();
  for (const auto& [words, key] : documented) {
    ui["category"] = {{"key", key}};
    write_spec(spec);
    write(Artifact::category, words + "\n");
    EXPECT_EQ(lines(), Lines{}) << words;
  }
}

TEST_F(ArtifactCheckTest, LabelAndDescriptionAreNonEmptyAndTheLabelOneLine) {
  write(Artifact::label, " \n");
  write(Artifact::description, "");
  EXPECT_EQ(lines(), (Lines{"acme-description.txt:$: is empty; write the source's description",
                            "acme-label.txt:$: is empty; write the source's label"}));
  write(Artifact::label, "Acme\nCRM\n");
  write(Artifact::description, "Acme's members.\nTwo lines are fine here.\n");
  const std::string differs =
      "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.description.text: warning: "
      "\"Acme records, read from its REST API on a schedule.\" differs from acme-description.txt "
      "(\"Acme's members. Two lines are fine here.\"); register writes the file's description";
  EXPECT_EQ(lines(),
            (Lines{"acme-label.txt:$: has more than one line; a label is one line", differs}));
  write(Artifact::label, "A\xc3(\n");
  EXPECT_EQ(lines(), (Lines{"acme-label.txt:$: is not UTF-8 text (byte 1)", differs}));
}

TEST_F(ArtifactCheckTest, ControlCharactersInTextsAreErrors) {
  write(Artifact::label, "Acme\tCRM\n");
  write(Artifact::description, "Acme records,\x01 read hourly.\n");
  EXPECT_EQ(lines(), (Lines{"acme-description.txt:$: has control characters",
                            "acme-label.txt:$: has control characters"}));
  // A description may be laid out with tabs and line breaks.
  write(Artifact::label, "Acme\n");
  write(Artifact::description, "Acme records,\r\n\tread from its REST API on a schedule.\n");
  EXPECT_EQ(lines(), Lines{"acme-connectionSpec.json:sourceSpec.attributes.uiAttributes."
                           "description.text: warning: \"Acme records, read from its REST API "
                           "on a schedule.\" differs from acme-description.txt (\"Acme records,   "
                           "read from its REST API on a schedule.\"); register writes the file's "
                           "description"});
}

TEST_F(ArtifactCheckTest, TheIconIsChecked) {
  write(Artifact::icon,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n"
        "  <script>alert(2)</script>\n"
        "  <image xlink:href=\"http://evil.example/x.png\"/>\n</svg>\n");
  EXPECT_EQ(lines(),
            (Lines{"acme-icon.svg:$: line 1, column 41: event-handler attribute 'onload' is not "
                   "allowed: an icon must not run code",
                   "acme-icon.svg:$: line 2, column 3: <script> is not allowed: an icon must not "
                   "run code",
                   "acme-icon.svg:$: line 3, column 10: 'xlink:href' links outside the icon "
                   "(\"http://evil.example/x.png\"); only '#id' links and data:image/png, jpeg, "
                   "gif or webp URIs are allowed"}));
}

TEST_F(ArtifactCheckTest, AnIconOfExactly256KbPassesAndOneByteMoreDoesNot) {
  const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\">", close = "</svg>";
  const std::string padding(kMaxIconBytes - open.size() - close.size(), ' ');
  write(Artifact::icon, open + padding + close);
  EXPECT_EQ(lines(), Lines{});
  write(Artifact::icon, open + padding + " " + close);
  EXPECT_EQ(lines(), Lines{"acme-icon.svg:$: is larger than 262144 bytes"});
}

TEST_F(ArtifactCheckTest, OversizedAndSpecialFilesAreRefusedWithoutReadingThem) {
  write(Artifact::icon, "<svg>" + std::string(kMaxIconBytes, ' ') + "</svg>");
  fs::remove(path(Artifact::label));
  ASSERT_EQ(::mkfifo(path(Artifact::label).c_str(), 0600), 0);  // opening it must not block
  fs::remove(path(Artifact::description));
  fs::create_symlink("/dev/zero", path(Artifact::description));
  EXPECT_EQ(lines(), (Lines{"acme-description.txt:$: is not a regular file",
                            "acme-icon.svg:$: is larger than 262144 bytes",
                            "acme-label.txt:$: is not a regular file"}));
  write(Artifact::connection_spec, std::string(kMaxSpecBytes + 1, ' '));
  EXPECT_EQ(lines().back(), "acme-connectionSpec.json:$: is larger than 1048576 bytes");
}

TEST_F(ArtifactCheckTest, MalformedAndDeeplyNestedSpecsAreErrorsAtTheRoot) {
  write(Artifact::connection_spec, "{\"name\": \"acme\",}");
  const auto malformed = lines();
  ASSERT_EQ(malformed.size(), 1u);
  EXPECT_TRUE(malformed[0].starts_with("acme-connectionSpec.json:$: line 1, column "))
      << malformed[0];
  write(Artifact::connection_spec, std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_EQ(lines(), Lines{"acme-connectionSpec.json:$: nesting deeper than 64 levels"});
}

TEST_F(ArtifactCheckTest, SpecProblemsAreTheServersOwnAtTheirPaths) {
  auto spec = this->spec();
  auto& attributes = spec["sourceSpec"].as_object()["attributes"].as_object();
  attributes["paginationParams"] = {{"type", "OFFSET"}, {"limitName", "count"}, {"limitValue", 10}};
  attributes["urlParams"].as_object().erase("path");
  attributes["contentPaht"] = "$.items";
  write_spec(spec);
  const auto report = spec::validate_connection_spec(spec);
  ASSERT_FALSE(report.errors.empty());
  ASSERT_FALSE(report.warnings.empty());
  Lines expected;
  for (const auto& e : report.errors)
    expected.push_back("acme-connectionSpec.json:" + e.path + ": " + e.message);
  for (const auto& w : report.warnings)
    expected.push_back("acme-connectionSpec.json:" + w.path + ": warning: " + w.message);
  EXPECT_EQ(lines(), expected);
  const std::string offset_name =
      "acme-connectionSpec.json:sourceSpec.attributes.paginationParams.offSetName: ";
  EXPECT_TRUE(std::any_of(expected.begin(), expected.end(),
                          [&](const std::string& line) { return line.starts_with(offset_name); }));
}

TEST_F(ArtifactCheckTest, UiAttributesThatDisagreeWithTheFilesAreWarnings) {
  write(Artifact::label, "Acme CRM\n");
  write(Artifact::description, "Members of Acme.\n");
  write(Artifact::category, "crm\n");
  const std::string ui = "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.";
  EXPECT_EQ(lines(), (Lines{ui + "label.text: warning: \"Acme\" differs from acme-label.txt "
                                 "(\"Acme CRM\"); register writes the file's label",
                            ui + "description.text: warning: \"Acme records, read from its REST "
                                 "API on a schedule.\" differs from acme-description.txt "
                                 "(\"Members of Acme.\"); register writes the file's description",
                            ui + "category.key: warning: \"protocols\" differs from "
                                 "acme-category.txt (\"crm\"); register writes the file's "
                                 "category"}));
}

}  // namespace
}  // namespace hw::toolkit
