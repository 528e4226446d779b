#include "spec/did_you_mean.hpp"
#include "spec/rules/known_keys.hpp"
#include "spec/rules/rules.hpp"

#include <algorithm>
#include <span>

namespace hw::spec::rules {
namespace {

using Keys = std::span<const std::string_view>;

// Fields that appear in Adobe's documents but that the engine does not read where they are.
struct Ignored {
  std::string_view container, key, message;
};
constexpr std::array<Ignored, 5> kIgnored = {{
    {kAttributesPath, "spec",
     "is not read by the engine (it documents the attributes for a UI); remove it"},
    {kAttributesPath, "queryParams", "is not read here; move it to urlParams.queryParams"},
    {kUrlParamsPath, "hostName", "is not read; the engine reads 'host'"},
    {kUrlParamsPath, "hostname", "is not read; the engine reads 'host'"},
    {kPaginationPath, "paginationType", "is not read; the engine reads 'type'"},
}};

bool contains(Keys keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void warn_unknown(const json::object* o, std::string_view path, Keys known, Report& report,
                  Keys silent = {}) {
  if (!o) return;
  for (const auto& member : *o) {
    const std::string_view key = member.key();
    if (contains(known, key) || contains(silent, key)) continue;
    const auto ignored = std::find_if(kIgnored.begin(), kIgnored.end(), [&](const Ignored& i) {
      return i.container == path && i.key == key;
    });
    if (ignored != kIgnored.end())
      report.warn(path_of(path, key), std::string(ignored->message));
    else
      report.warn(path_of(path, key), quoted(key) + " is not a known field and is ignored" +
                                          did_you_mean_hint(key, known));
  }
}

void warn_in_record_path(const Spec& spec, std::string_view key, Report& report) {
  warn_unknown(object_at(spec.attributes, key), path_of(kAttributesPath, key), kRecordPathKeys,
               report);
}

void warn_in_auth_entries(const Spec& spec, Report& report) {
  const auto* entries = array_at(&spec.root, "authSpec");
  for (std::size_t i = 0; entries && i < entries->size(); ++i)
    warn_unknown((*entries)[i].if_object(), index_path("authSpec", i), kAuthEntryKeys, report);
}

}  // namespace

void check_unknown_keys(const Spec& spec, Report& report) {
  warn_unknown(&spec.root, "$", kTopLevelKeys, report, kServerKeys);
  warn_unknown(spec.source_spec, "sourceSpec", kSourceSpecKeys, report);
  warn_unknown(spec.attributes, kAttributesPath, kAttributeKeys, report);
  warn_unknown(spec.url_params, kUrlParamsPath, kUrlParamsKeys, report);
  warn_unknown(object_at(spec.attributes, "paginationParams"), kPaginationPath, kPaginationKeys,
               report);
  warn_unknown(object_at(spec.attributes, "scheduleParams"), kSchedulePath, kScheduleKeys, report);
  warn_in_record_path(spec, "contentPath", report);
  warn_in_record_path(spec, "explodeEntityPath", report);
  warn_in_auth_entries(spec, report);
  warn_unknown(object_at(&spec.root, "targetSpec"), "targetSpec", kTargetSpecKeys, report);
}

}  // namespace hw::spec::rules
