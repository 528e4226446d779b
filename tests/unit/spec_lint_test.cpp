// `headwater spec lint FILE`: output format and exit status.
#include "cli/spec_lint.hpp"
#include "support/fixtures.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace hw::cli {
namespace {

// A file in the temp dir, named per process (ctest runs tests in parallel and other suites
// share the dir), removed when the test ends.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : path_(::testing::TempDir() + "/hw_spec_lint_" + std::to_string(::getpid()) + "_" + name) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(SpecLint, CleanSeedBody) {
  const auto body = hw::test::extract_curl_body(
      hw::test::read_file(hw::test::shared_path("seeds/000_6da393f14679e630.txt")));
  const TempFile file("seed.json", body);
  std::ostringstream out;
  EXPECT_EQ(spec_lint(file.path(), out), 0);
  EXPECT_EQ(out.str(), "0 error(s), 0 warning(s)\n");
}

TEST(SpecLint, ErrorsThenWarningsThenSummary) {
  const TempFile file("bad.json", R"({"name": "x", "providerId": "p", "type": "generic-streaming",
    "sourceSpec": {"attributes": {"uiAttributes": {"category": {"key": "gaming"}}}, "spec": {"type": 3}}})");
  std::ostringstream out;
  EXPECT_EQ(spec_lint(file.path(), out), 1);
  const std::string text = out.str();
  EXPECT_NE(text.find("sourceSpec.spec: is not a valid JSON Schema"), std::string::npos) << text;
  EXPECT_NE(text.find("sourceSpec.attributes.uiAttributes.category.key: warning: 'gaming'"),
            std::string::npos)
      << text;
  EXPECT_LT(text.find("sourceSpec.spec:"), text.find("warning:")) << text;
  EXPECT_TRUE(text.ends_with("\n1 error(s), 1 warning(s)\n")) << text;
}

TEST(SpecLint, WarningsAloneExitZero) {
  const TempFile file(
      "warn.json", R"({"name": "x", "providerId": "p", "type": "generic-streaming", "extra": 1})");
  std::ostringstream out;
  EXPECT_EQ(spec_lint(file.path(), out), 0);
  EXPECT_EQ(
      out.str(),
      "extra: warning: 'extra' is not a known field and is ignored\n0 error(s), 1 warning(s)\n");
}

TEST(SpecLint, ParseErrorIsReportedAtTheRoot) {
  const TempFile file("broken.json", "{\n  \"name\": ,\n}");
  std::ostringstream out;
  EXPECT_EQ(spec_lint(file.path(), out), 1);
  EXPECT_TRUE(out.str().starts_with("$: line 2, column")) << out.str();
  EXPECT_TRUE(out.str().ends_with("1 error(s), 0 warning(s)\n")) << out.str();
}

TEST(SpecLint, UnreadableFile) {
  std::ostringstream out;
  EXPECT_EQ(spec_lint(::testing::TempDir() + "/hw_spec_lint_does_not_exist.json", out), 1);
  EXPECT_TRUE(out.str().starts_with("$: cannot read ")) << out.str();
}

}  // namespace
}  // namespace hw::cli
