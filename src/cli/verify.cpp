#include "cli/verify.hpp"

#include <boost/json.hpp>

#include <variant>

#include "json/serialize.hpp"
#include "toolkit/verify.hpp"

namespace hw::cli {

int verify_command(const VerifyCommandOptions& o, std::ostream& out, std::ostream& err) {
  auto env = toolkit::read_verify_env(o.env_file);
  if (const auto* problems = std::get_if<std::vector<std::string>>(&env)) {
    for (const auto& problem : *problems) err << problem << "\n";
    return 1;
  }
  toolkit::ApiClient client(o.server);
  const toolkit::VerifyOptions options{o.keep, o.json ? nullptr : &out, o.terminal};
  const auto report = toolkit::verify(client, std::get<toolkit::VerifyEnv>(env), options);
  if (o.json) out << hw::json::serialize(report.to_json()) << "\n";
  return report.passed() ? 0 : 1;
}

}  // namespace hw::cli
