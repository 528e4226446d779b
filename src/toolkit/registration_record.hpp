#pragma once
#include <boost/json/array.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "toolkit/api_client.hpp"

namespace hw::toolkit {

// Which connection spec a source became on which server, org and sandbox, kept beside its
// artifacts in `Sources/NAME/.headwater-register.json` so that registering again replaces
// the spec (PUT) and keeps its id. A spec id exists in one scope only, hence the key.
class RegistrationRecord {
 public:
  static constexpr std::string_view kFileName = ".headwater-register.json";

  // Reads `source_folder`'s record (none yet is fine). Throws std::runtime_error naming the
  // file when it exists but cannot be read as a record.
  explicit RegistrationRecord(std::filesystem::path source_folder);

  // `server` as ApiClient::options() has it (its URL without a trailing '/').
  std::optional<std::string> id_for(const ServerOptions& server) const;
  // Remembers `id` for `server` and writes the record durably.
  void remember(const ServerOptions& server, const std::string& id);

 private:
  std::filesystem::path file_;
  boost::json::array registrations_;  // [{"server", "org", "sandbox", "connectionSpecId"}]
};

}  // namespace hw::toolkit
