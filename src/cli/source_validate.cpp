#include "cli/source_validate.hpp"

#include <variant>

#include "toolkit/artifact_check.hpp"

namespace hw::cli {
namespace {

void print(const toolkit::Finding& f, std::ostream& out) {
  out << f.file << ':' << f.path << ": " << (f.warning ? "warning: " : "") << f.message << "\n";
}

void print_summary(std::size_t errors, std::size_t warnings, std::ostream& out) {
  out << errors << " error(s), " << warnings << " warning(s)\n";
}

}  // namespace

int source_validate(const std::string& dir, std::ostream& out) {
  const auto located = toolkit::locate_artifacts(dir);
  if (const auto* problem = std::get_if<std::string>(&located)) {
    print({dir, "$", *problem, false}, out);
    print_summary(1, 0, out);
    return 1;
  }
  const auto check = toolkit::check_artifacts(std::get<toolkit::ArtifactFolder>(located));
  for (const auto& finding : check.findings) print(finding, out);
  print_summary(check.errors(), check.warnings(), out);
  return check.errors() == 0 ? 0 : 1;
}

}  // namespace hw::cli
