// `headwater spec lint FILE`: the author's offline check, exit 0 when valid and 1 with
// one "path: message" line per problem when not.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

struct LintResult {
  int exit_code = -1;
  std::string out;  // stdout only
};

class SpecLintTest : public ::testing::Test {
 protected:
  LintResult lint(const std::string& content) {
    const std::string file = dir_.path() + "/connectionSpec.json";
    std::ofstream(file, std::ios::binary) << content;
    const std::string command = "'" HW_BINARY "' spec lint '" + file + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
    LintResult result;
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      result.out.append(buffer, got);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
  }

  TempDir dir_;
};

// Whether some line of `text` starts with "<path>: ".
::testing::AssertionResult has_line_for(const std::string& text, std::string_view path) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(std::string(path) + ": ", 0) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no line starts with '" << path << ": ' in:\n" << text;
}

TEST_F(SpecLintTest, DocumentedBatchSpecPasses) {
  const auto result = lint(mailchimp_create_body());
  EXPECT_EQ(result.exit_code, 0) << result.out;
}

TEST_F(SpecLintTest, SeedStreamingSpecPasses) {
  const auto result = lint(seed_streaming_body());
  EXPECT_EQ(result.exit_code, 0) << result.out;
}

TEST_F(SpecLintTest, MissingOffSetNameFailsWithItsPath) {
  const auto result = lint(boost::json::serialize(mailchimp_without_offset_name()));
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(has_line_for(result.out, kOffSetNamePath));
}

TEST_F(SpecLintTest, EveryProblemGetsItsOwnLine) {
  auto spec = mailchimp_without_offset_name();
  erase_at(spec, {"sourceSpec", "attributes", "urlParams", "path"});
  const auto result = lint(boost::json::serialize(spec));
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(has_line_for(result.out, kOffSetNamePath));
  EXPECT_TRUE(has_line_for(result.out, "sourceSpec.attributes.urlParams.path"));
}

}  // namespace
}  // namespace hw::test
