#include "toolkit/registration_record.hpp"

#include <boost/json.hpp>

#include <stdexcept>
#include <system_error>

#include "json/parse.hpp"
#include "toolkit/bounded_read.hpp"
#include "toolkit/pretty_json.hpp"
#include "util/durable_fs.hpp"

namespace hw::toolkit {
namespace {

constexpr std::size_t kMaxRecordBytes = 1 << 20;

bool is_for(const boost::json::value& entry, const ServerOptions& server) {
  const auto* o = entry.if_object();
  const auto field = [&](std::string_view key) -> std::string_view {
    const auto* v = o ? o->if_contains(key) : nullptr;
    return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
  };
  return field("server") == server.url && field("org") == server.org &&
         field("sandbox") == server.sandbox;
}

}  // namespace

RegistrationRecord::RegistrationRecord(std::filesystem::path source_folder)
    : file_(std::move(source_folder) / kFileName) {
  std::error_code ec;
  if (!std::filesystem::exists(file_, ec)) return;
  const auto read = read_bounded(file_, kMaxRecordBytes);
  const auto parsed = read.ok ? json::parse(read.text) : json::ParseOutcome{};
  const auto* list = parsed.ok && parsed.value.is_object()
                         ? parsed.value.get_object().if_contains("registrations")
                         : nullptr;
  if (!list || !list->is_array())
    throw std::runtime_error(file_.string() +
                             " is not a registration record; delete it to register anew");
  registrations_ = list->get_array();
}

std::optional<std::string> RegistrationRecord::id_for(const ServerOptions& server) const {
  for (const auto& entry : registrations_) {
    if (!is_for(entry, server)) continue;
    const auto* id = entry.get_object().if_contains("connectionSpecId");
    if (id && id->is_string()) return std::string(id->get_string());
  }
  return std::nullopt;
}

void RegistrationRecord::remember(const ServerOptions& server, const std::string& id) {
  const boost::json::object entry{{"server", server.url},
                                  {"org", server.org},
                                  {"sandbox", server.sandbox},
                                  {"connectionSpecId", id}};
  bool replaced = false;
  for (auto& existing : registrations_) {
    if (!is_for(existing, server)) continue;
    existing = entry;
    replaced = true;
  }
  if (!replaced) registrations_.push_back(entry);
  util::write_file_durably(file_,
                           pretty_json(boost::json::object{{"registrations", registrations_}}));
}

}  // namespace hw::toolkit
