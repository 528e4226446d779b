#include "cli/spec_lint.hpp"

#include "json/parse.hpp"
#include "spec/connection_spec_validator.hpp"

#include <fstream>
#include <optional>
#include <sstream>

namespace hw::cli {
namespace {

std::optional<std::string> read_whole(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

void print_summary(std::size_t errors, std::size_t warnings, std::ostream& out) {
  out << errors << " error(s), " << warnings << " warning(s)\n";
}

}  // namespace

int spec_lint(const std::string& file, std::ostream& out) {
  const auto text = read_whole(file);
  if (!text) {
    out << "$: cannot read " << file << "\n";
    print_summary(1, 0, out);
    return 1;
  }
  const auto parsed = json::parse(*text);
  if (!parsed.ok) {
    out << "$: " << parsed.error << "\n";
    print_summary(1, 0, out);
    return 1;
  }
  const spec::Report report = spec::validate_connection_spec(parsed.value);
  for (const auto& issue : report.errors) out << issue.path << ": " << issue.message << "\n";
  for (const auto& issue : report.warnings)
    out << issue.path << ": warning: " << issue.message << "\n";
  print_summary(report.errors.size(), report.warnings.size(), out);
  return report.valid() ? 0 : 1;
}

}  // namespace hw::cli
