#include <boost/json.hpp>

#include "connection/checks.hpp"
#include "spec/did_you_mean.hpp"
#include "util/resources.hpp"

namespace hw::connection {
namespace {

// Inlet methods a streaming connection may use besides its spec's own authSpec (DESIGN §5).
const boost::json::array& streaming_auth_specs() {
  static const boost::json::array specs =
      boost::json::parse(*resources::find("auth/streaming_auth_specs.json")).as_array();
  return specs;
}

const boost::json::object* find_entry(const boost::json::array& entries, std::string_view name) {
  const boost::json::object* loose = nullptr;
  for (const auto& entry : entries) {
    const auto* object = entry.if_object();
    const auto* entry_name = object ? object->if_contains("name") : nullptr;
    if (!entry_name || !entry_name->is_string()) continue;
    if (entry_name->get_string() == name) return object;
    if (!loose && spec::iequals(entry_name->get_string(), name)) loose = object;
  }
  return loose;
}

boost::json::array candidates(const boost::json::object& spec, std::optional<spec::SpecKind> kind) {
  boost::json::array out;
  if (const auto* auth_spec = spec.if_contains("authSpec"); auth_spec && auth_spec->is_array()) {
    out = auth_spec->get_array();
  }
  if (kind == spec::SpecKind::streaming_source) {
    for (const auto& entry : streaming_auth_specs()) out.push_back(entry);
  }
  return out;
}

std::string names_of(const boost::json::array& entries) {
  std::string out;
  for (const auto& entry : entries) {
    if (!entry.is_object() || !entry.get_object().contains("name")) continue;
    out += out.empty() ? "'" : ", '";
    out += boost::json::value_to<std::string>(entry.get_object().at("name"));
    out += "'";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

std::optional<boost::json::object> find_auth_spec(const spec::SpecRegistry::Resolved& spec,
                                                  std::string_view spec_name) {
  const auto entries = candidates(spec.spec, spec.kind);
  const auto* entry = find_entry(entries, spec_name);
  if (!entry) return std::nullopt;
  return *entry;
}

ParamsCheck check_connection(spec::SpecRegistry& specs, const store::Scope& scope,
                             const boost::json::object& body) {
  ParamsCheck check;
  detail::require_name(body, check.errors);
  const auto resolved = detail::resolve_spec(specs, scope, body, check.errors);
  if (!resolved || resolved->kind == spec::SpecKind::target) return check;
  const auto entries = candidates(resolved->spec, resolved->kind);
  const auto* auth = body.if_contains("auth");
  const auto* spec_name =
      auth && auth->is_object() ? auth->get_object().if_contains("specName") : nullptr;
  if (!spec_name || !spec_name->is_string()) {
    check.errors.push_back(
        {auth && auth->is_object() ? "auth.specName" : "auth",
         "choose how to authenticate: auth.specName is one of " + names_of(entries)});
    return check;
  }
  const auto* entry = find_entry(entries, spec_name->get_string());
  if (!entry) {
    check.errors.push_back({"auth.specName", "'" + std::string(spec_name->get_string()) +
                                                 "' is not an auth spec of this connection spec; "
                                                 "use one of " +
                                                 names_of(entries)});
    return check;
  }
  const auto* schema = entry->if_contains("spec");
  detail::check_params(auth->get_object(), "params", "auth.params",
                       schema && schema->is_object() ? &schema->get_object() : nullptr, check);
  return check;
}

}  // namespace hw::connection
