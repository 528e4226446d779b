#include "cli/source_register.hpp"

#include <stdexcept>
#include <variant>

#include "toolkit/artifact_check.hpp"
#include "toolkit/register_source.hpp"

namespace hw::cli {
namespace {

constexpr std::string_view kPrefix = "headwater source register: ";

void print(const toolkit::Finding& f, std::ostream& out) {
  out << f.file << ':' << f.path << ": " << (f.warning ? "warning: " : "") << f.message << "\n";
}

void report(const toolkit::RegisterResult& r, const toolkit::ApiClient& client, std::ostream& err) {
  err << (r.created ? "created" : "replaced") << " connection spec " << r.id << "\n"
      << (r.added_to_flow_spec ? "added to " : "already in ") << r.flow_spec << "\n"
      << "icon: " << client.options().url << "/data/foundation/flowservice/connectionSpecs/" << r.id
      << "/icon\n";
}

}  // namespace

int source_register(const std::string& dir, const toolkit::ServerOptions& server, std::ostream& out,
                    std::ostream& err) {
  const auto located = toolkit::locate_artifacts(dir);
  if (const auto* problem = std::get_if<std::string>(&located)) {
    print({dir, "$", *problem, false}, err);
    return 1;
  }
  const auto& folder = std::get<toolkit::ArtifactFolder>(located);
  const auto check = toolkit::check_artifacts(folder);
  for (const auto& finding : check.findings) print(finding, err);
  if (check.errors() > 0) {
    err << kPrefix << check.errors() << " error(s) in the artifacts; nothing was registered\n";
    return 1;
  }
  try {
    toolkit::ApiClient client(server);
    const auto result = toolkit::register_source(client, folder, check.artifacts);
    report(result, client, err);
    out << result.id << "\n";
    return 0;
  } catch (const std::runtime_error& e) {
    err << kPrefix << e.what() << "\n";
    return 1;
  }
}

}  // namespace hw::cli
