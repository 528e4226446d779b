// `headwater source init` and `headwater source validate` through the real binary: the
// artifact folder of the seed, exact output lines and exit codes, hostile names and files.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "integration/toolkit_command.hpp"
#include "toolkit/svg_check.hpp"

namespace hw::test {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

class SourceCommandsTest : public ::testing::Test {
 protected:
  CommandResult headwater(std::vector<std::string> args) {
    return run_headwater(args, dir_.path());
  }
  std::string at(const std::string& rel) const { return dir_.path() + "/" + rel; }

  TempDir dir_;
};

TEST_F(SourceCommandsTest, InitLaysOutTheSeedsFolderAndItValidates) {
  const auto init = headwater({"source", "init", "medallia"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(init.err, "");
  EXPECT_EQ(lines_of(init.out),
            (Lines{"created ./Sources/medallia/Artifacts/medallia-category.txt",
                   "created ./Sources/medallia/Artifacts/medallia-description.txt",
                   "created ./Sources/medallia/Artifacts/medallia-icon.svg",
                   "created ./Sources/medallia/Artifacts/medallia-label.txt",
                   "created ./Sources/medallia/Artifacts/medallia-connectionSpec.json",
                   "next: edit medallia-connectionSpec.json, then run: headwater source "
                   "validate ./Sources/medallia"}));
  EXPECT_EQ(slurp(at("Sources/medallia/Artifacts/medallia-category.txt")), "protocols\n");
  EXPECT_EQ(slurp(at("Sources/medallia/Artifacts/medallia-label.txt")), "Medallia\n");

  for (const std::string given : {"Sources/medallia", "Sources/medallia/Artifacts/"}) {
    const auto validate = headwater({"source", "validate", given});
    EXPECT_EQ(validate.exit_code, 0) << validate.out;
    EXPECT_EQ(validate.out, "0 error(s), 0 warning(s)\n");
  }
}

TEST_F(SourceCommandsTest, StreamingInitUsesTheSeedsTemplateAndValidates) {
  const auto init = headwater({"source", "init", "hooks", "--streaming", "--dir", "authoring"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(slurp(at("authoring/Sources/hooks/Artifacts/hooks-category.txt")), "streaming\n");
  EXPECT_NE(slurp(at("authoring/Sources/hooks/Artifacts/hooks-connectionSpec.json"))
                .find("\"type\": \"generic-streaming\""),
            std::string::npos);
  const auto validate = headwater({"source", "validate", "authoring/Sources/hooks"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out;
  EXPECT_EQ(validate.out, "0 error(s), 0 warning(s)\n");
}

TEST_F(SourceCommandsTest, InitNeverOverwrites) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(at("Sources/acme/Artifacts/acme-label.txt"), "Mine\n");
  const auto again = headwater({"source", "init", "acme", "--streaming"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err,
            "headwater source init: ./Sources/acme already exists; init never overwrites a "
            "source: pick another name or remove the folder\n");
  EXPECT_EQ(slurp(at("Sources/acme/Artifacts/acme-label.txt")), "Mine\n");
}

TEST_F(SourceCommandsTest, InitRefusesNamesThatAreNotAPlainFolderName) {
  const std::string charset =
      "a source name has only ASCII letters, digits, '-' and '_' (it names a folder and its "
      "files)\n";
  const std::string start = "a source name starts with a letter or a digit\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"..", start},          {"../escape", start}, {"a/b", charset},
      {"a/../../b", charset}, {".hidden", start},   {"", "a source name is required\n"}};
  for (const auto& [name, why] : cases) {
    const auto result = headwater({"source", "init", name});
    EXPECT_EQ(result.exit_code, 1) << name;
    EXPECT_EQ(result.err, "headwater source init: '" + name + "' cannot name a source: " + why);
  }
  EXPECT_FALSE(fs::exists(at("Sources")));
  EXPECT_FALSE(fs::exists(fs::path(dir_.path()).parent_path() / "escape"));
}

TEST_F(SourceCommandsTest, InitTakesOneFamily) {
  const auto both = headwater({"source", "init", "acme", "--batch", "--streaming"});
  EXPECT_NE(both.exit_code, 0);
  EXPECT_EQ(both.out, "");
  EXPECT_EQ(both.err, "--batch excludes --streaming\nRun with --help for more information.\n");
  EXPECT_FALSE(fs::exists(at("Sources/acme")));
}

TEST_F(SourceCommandsTest, ValidateListsEveryProblemThenASummaryAndFails) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const std::string a = "Sources/acme/Artifacts/";
  write_text(at(a + "acme-category.txt"), "gaming\n");
  write_text(at(a + "acme-label.txt"), "Acme\nInc\n");
  write_text(at(a + "acme-icon.svg"),
             "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>x()</script>\n</svg>\n");
  write_text(at(a + "acme-connectionSpec.json"), "{\"name\": \"acme\"");
  fs::rename(at(a + "acme-description.txt"), at(a + "acmee-description.txt"));
  const auto result = headwater({"source", "validate", "Sources/acme"});
  EXPECT_EQ(result.exit_code, 1);
  const auto lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 7u) << result.out;
  EXPECT_EQ(lines[0],
            "acmee-description.txt:$: is named for 'acmee', not for its folder 'acme'; rename it "
            "acme-description.txt");
  EXPECT_EQ(lines[1],
            "acme-category.txt:$: \"gaming\" is not a documented category; use advertising, "
            "cloud storage, crm, customer success, database, ecommerce, marketing automation, "
            "payments, protocols or streaming");
  EXPECT_EQ(lines[2], "acme-description.txt:$: is missing");
  EXPECT_EQ(lines[3],
            "acme-icon.svg:$: line 2, column 1: <script> is not allowed: an icon must not run "
            "code");
  EXPECT_EQ(lines[4], "acme-label.txt:$: has more than one line; a label is one line");
  EXPECT_TRUE(lines[5].starts_with("acme-connectionSpec.json:$: ")) << lines[5];
  EXPECT_EQ(lines[6], "6 error(s), 0 warning(s)");
  EXPECT_EQ(result.err, "");
}

TEST_F(SourceCommandsTest, ValidateChecksTheSpecWithTheServersRules) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const std::string spec = at("Sources/acme/Artifacts/acme-connectionSpec.json");
  std::string text = slurp(spec);
  const auto path = text.find("\"path\": \"/\"");
  ASSERT_NE(path, std::string::npos);
  text.replace(path, 11, "\"pth\": \"/\"");
  write_text(spec, text);
  const auto validate = headwater({"source", "validate", "Sources/acme"});
  const auto lint = headwater({"spec", "lint", spec});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_EQ(lint.exit_code, 1);
  // The same problems at the same paths as `spec lint`, each named for its file.
  Lines expected;
  for (const auto& line : lines_of(lint.out)) {
    if (line.find(" error(s), ") != std::string::npos) continue;
    expected.push_back("acme-connectionSpec.json:" + line);
  }
  ASSERT_FALSE(expected.empty());
  auto got = lines_of(validate.out);
  got.pop_back();
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.front().rfind("acme-connectionSpec.json:sourceSpec.attributes.urlParams.path: ", 0),
            0u)
      << got.front();
}

TEST_F(SourceCommandsTest, ValidateShowsTheServersSpecWarningsAndPasses) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const std::string spec = at("Sources/acme/Artifacts/acme-connectionSpec.json");
  auto parsed = boost::json::parse(slurp(spec)).as_object();
  parsed["sourceSpec"].as_object()["attributes"].as_object()["urlParams"].as_object().erase(
      "method");
  write_text(spec, boost::json::serialize(parsed));
  const auto result = headwater({"source", "validate", "Sources/acme"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "acme-connectionSpec.json:sourceSpec.attributes.urlParams.method: warning: is not set, "
            "so requests use GET; set it to say so\n0 error(s), 1 warning(s)\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(SourceCommandsTest, ValidateRefusesAnEmptyLabelAndDescription) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(at("Sources/acme/Artifacts/acme-label.txt"), "\n");
  write_text(at("Sources/acme/Artifacts/acme-description.txt"), "");
  const auto result = headwater({"source", "validate", "Sources/acme"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "acme-description.txt:$: is empty; write the source's description\n"
            "acme-label.txt:$: is empty; write the source's label\n"
            "2 error(s), 0 warning(s)\n");
}

TEST_F(SourceCommandsTest, ValidateWarnsWhenUiAttributesDisagreeButPasses) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(at("Sources/acme/Artifacts/acme-label.txt"), "ACME Members\n");
  const auto result = headwater({"source", "validate", "Sources/acme/Artifacts"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.label.text: warning: "
            "\"Acme\" differs from acme-label.txt (\"ACME Members\"); register writes the file's "
            "label\n0 error(s), 1 warning(s)\n");
}

TEST_F(SourceCommandsTest, ValidateRefusesHostileIcons) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(at("Sources/acme/Artifacts/acme-icon.svg"),
             "<svg xmlns=\"http://www.w3.org/2000/svg\" "
             "xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"steal()\">"
             "<use xlink:href=\"http://evil.example/i.svg#a\"/></svg>");
  const auto result = headwater({"source", "validate", "Sources/acme"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "acme-icon.svg:$: line 1, column 84: event-handler attribute 'onload' is not "
            "allowed: an icon must not run code\n"
            "acme-icon.svg:$: line 1, column 106: 'xlink:href' links outside the icon "
            "(\"http://evil.example/i.svg#a\"); only '#id' links and data:image/png, jpeg, gif "
            "or webp URIs are allowed\n"
            "2 error(s), 0 warning(s)\n");
}

TEST_F(SourceCommandsTest, ValidateRefusesIconsThatAreNotAWellFormedSvgOf256KbAtMost) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\">";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<html><svg/></html>",
       "line 1, column 1: the root element is <html>; an icon's root is <svg>"},
      {open + "\n<g></svg>", "line 2, column 4: is not well-formed XML: </svg> closes <g>"},
      {open + std::string(toolkit::kMaxIconBytes, ' ') + "</svg>", "is larger than 262144 bytes"}};
  for (const auto& [icon, why] : cases) {
    write_text(at("Sources/acme/Artifacts/acme-icon.svg"), icon);
    const auto result = headwater({"source", "validate", "Sources/acme"});
    EXPECT_EQ(result.exit_code, 1) << why;
    EXPECT_EQ(result.out, "acme-icon.svg:$: " + why + "\n1 error(s), 0 warning(s)\n");
  }
}

TEST_F(SourceCommandsTest, ValidateOfSomethingElseSaysWhat) {
  const auto missing = headwater({"source", "validate", "nowhere"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out, "nowhere:$: is not a folder\n1 error(s), 0 warning(s)\n");
  fs::create_directories(at("Sources/acme"));
  const auto empty = headwater({"source", "validate", "Sources/acme"});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.out,
            "Sources/acme:$: has no Artifacts folder; give Sources/NAME or "
            "Sources/NAME/Artifacts\n1 error(s), 0 warning(s)\n");
}

}  // namespace
}  // namespace hw::test
