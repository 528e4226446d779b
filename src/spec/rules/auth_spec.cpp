#include "spec/did_you_mean.hpp"
#include "spec/rules/rules.hpp"
#include "spec/schema_check.hpp"

#include <array>
#include <string>
#include <unordered_map>

namespace hw::spec::rules {
namespace {

// The auth types the engine can run, compared ignoring case.
constexpr std::array<std::string_view, 3> kRunnableTypes = {"BasicAuthentication",
                                                            "OAuth2RefreshCode", "KeyBased"};
constexpr std::string_view kRunnableList = "BasicAuthentication, OAuth2RefreshCode or KeyBased";

bool is_runnable(std::string_view type) {
  return std::any_of(kRunnableTypes.begin(), kRunnableTypes.end(),
                     [&](std::string_view t) { return iequals(t, type); });
}

bool has_rest_target(const json::object& rest) {
  for (std::string_view key : {"headerParamName", "queryParamName"}) {
    const auto name = string_at(&rest, key);
    if (name && !name->empty()) return true;
  }
  return false;
}

// KeyBased sends each key where its property's restAttributes say: a header or a query param.
void check_key_based(const json::object& schema, const std::string& spec_path, Report& report) {
  const auto* props = object_at(&schema, "properties");
  bool any_target = false;
  if (props) {
    for (const auto& member : *props) {
      const auto* rest = member.value().is_object()
                             ? object_at(&member.value().get_object(), "restAttributes")
                             : nullptr;
      if (!rest) continue;
      if (has_rest_target(*rest))
        any_target = true;
      else
        report.error(
            path_of(path_of(path_of(spec_path, "properties"), member.key()), "restAttributes"),
            "needs 'headerParamName' or 'queryParamName': where the key is sent");
    }
  }
  if (!any_target)
    report.error(path_of(spec_path, "properties"),
                 "KeyBased auth needs a property with restAttributes.headerParamName or "
                 "restAttributes.queryParamName, which says where its key is sent");
}

void check_entry_spec(const json::value& spec, std::string_view type, const std::string& spec_path,
                      Report& report) {
  const auto& schema = spec.get_object();
  if (auto problem = schema_problem(spec)) report.error(spec_path, *problem);
  if (const auto* t = schema.if_contains("type");
      t && !(t->is_string() && t->get_string() == "object"))
    report.error(path_of(spec_path, "type"), "must be \"object\": auth params are a JSON object");
  if (iequals(type, "KeyBased")) check_key_based(schema, spec_path, report);
}

void check_type(const json::object& entry, bool batch, const std::string& path, Report& report) {
  const auto type = string_at(&entry, "type");
  if (!batch || !type || type->empty() || is_runnable(*type)) return;
  report.warn(path_of(path, "type"), quoted(*type) +
                                         " is not an auth type the engine runs, so this "
                                         "entry cannot be used; use " +
                                         std::string(kRunnableList) +
                                         did_you_mean_hint(*type, kRunnableTypes));
}

// Names are compared upper-cased; `first` maps each to the entry that used it first.
void check_unique_name(const json::object& entry, std::size_t index,
                       std::unordered_map<std::string, std::size_t>& first, Report& report) {
  const auto name = string_at(&entry, "name");
  if (!name || name->empty()) return;
  const auto [it, fresh] = first.emplace(upper(*name), index);
  if (fresh) return;
  report.error(path_of(index_path("authSpec", index), "name"),
               quoted(*name) + " is already the name of authSpec[" + std::to_string(it->second) +
                   "]; names must differ, ignoring case");
}

}  // namespace

void check_auth_spec(const Spec& spec, Report& report) {
  const auto* entries = array_at(&spec.root, "authSpec");
  bool runnable = false;
  std::unordered_map<std::string, std::size_t> names;
  for (std::size_t i = 0; entries && i < entries->size(); ++i) {
    const auto* entry = (*entries)[i].if_object();
    if (!entry) continue;
    const std::string path = index_path("authSpec", i);
    const auto type = string_at(entry, "type");
    runnable = runnable || (type && is_runnable(*type));
    check_type(*entry, spec.batch(), path, report);
    if (const auto* schema = value_at(entry, "spec"); schema && schema->is_object())
      check_entry_spec(*schema, type.value_or(""), path_of(path, "spec"), report);
    check_unique_name(*entry, i, names, report);
  }
  // An authSpec that is not an array is the shape layer's to report.
  if (spec.batch() && !runnable && (entries || !spec.root.contains("authSpec")))
    report.error("authSpec",
                 "a batch source needs an entry the engine runs: " + std::string(kRunnableList));
}

}  // namespace hw::spec::rules
