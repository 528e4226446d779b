#include "spec/did_you_mean.hpp"
#include "spec/rules/known_keys.hpp"
#include "spec/rules/rules.hpp"

#include <algorithm>
#include <array>

namespace hw::spec::rules {
namespace {

struct Need {
  std::string_view field, alias, what;
};

struct TypeRule {
  std::string_view type;
  std::array<Need, 3> needs;                 // an empty `field` is an unused slot
  std::array<std::string_view, 3> optional;  // read when present
};

constexpr Need kLimitName{"limitName", "", "the query parameter that carries the page size"};
constexpr Need kLimitValue{"limitValue", "", "the page size, e.g. 100"};

constexpr std::array<TypeRule, 5> kTypes = {{
    {"OFFSET",
     {kLimitName,
      kLimitValue,
      {"offSetName", "offsetName", "the query parameter that carries the offset"}},
     {}},
    {"POINTER",
     {kLimitName,
      kLimitValue,
      {"pointerPath", "pointerName", "the JSONPath, in each response, of the next page's URL"}},
     {"parameterName"}},
    {"CONTINUATION_TOKEN",
     {{{"continuationTokenPath", "", "the JSONPath of the token in each response"},
       {"parameterType", "", "where the token is sent, QUERYPARAM or HEADERPARAM"},
       {"parameterName", "", "the query parameter or header that carries the token"}}},
     {"endConditionName", "endConditionValue"}},
    {"PAGE",
     {kLimitName,
      kLimitValue,
      {"pageParamName", "", "the query parameter that carries the page number"}},
     {"initialPageIndex", "endPageIndex", "maximumRequest"}},
    {"NONE", {}, {}},
}};
constexpr std::array<std::string_view, 5> kTypeNames = {"OFFSET", "POINTER", "CONTINUATION_TOKEN",
                                                        "PAGE", "NONE"};
constexpr std::string_view kTypeList = "OFFSET, POINTER, CONTINUATION_TOKEN, PAGE or NONE";

std::string field_path(std::string_view key) {
  return path_of(kPaginationPath, key);
}

bool reads(const TypeRule& rule, std::string_view key) {
  if (key == "type" || key == "delayRequestMillis") return true;
  const bool needed = std::any_of(rule.needs.begin(), rule.needs.end(), [&](const Need& n) {
    return !n.field.empty() && (n.field == key || n.alias == key);
  });
  return needed ||
         std::find(rule.optional.begin(), rule.optional.end(), key) != rule.optional.end();
}

const TypeRule* check_type(const json::object& params, Report& report) {
  const auto* type = params.if_contains("type");
  if (!type) {
    report.error(field_path("type"), "is required: one of " + std::string(kTypeList) +
                                         " (NONE when one response holds everything)");
    return nullptr;
  }
  if (!type->is_string()) return nullptr;
  const std::string name = upper(type->get_string());
  for (const TypeRule& rule : kTypes)
    if (rule.type == name) return &rule;
  report.error(field_path("type"), quoted(type->get_string()) + " is not a pagination type; use " +
                                       std::string(kTypeList) +
                                       did_you_mean_hint(name, kTypeNames));
  return nullptr;
}

void check_needs(const TypeRule& rule, const json::object& params, Report& report) {
  for (const Need& need : rule.needs) {
    if (need.field.empty()) continue;
    const bool has_field = params.contains(need.field);
    const bool has_alias = !need.alias.empty() && params.contains(need.alias);
    if (has_field && has_alias)
      report.warn(field_path(need.alias),
                  "is another name for '" + std::string(need.field) + "'; set only one of them");
    if (!has_field && !has_alias)
      report.error(field_path(need.field), std::string(rule.type) + " pagination needs '" +
                                               std::string(need.field) +
                                               "': " + std::string(need.what));
  }
}

void warn_ignored(const TypeRule& rule, const json::object& params, Report& report) {
  for (const auto& member : params) {
    const std::string_view key = member.key();
    const bool known =
        std::find(kPaginationKeys.begin(), kPaginationKeys.end(), key) != kPaginationKeys.end();
    if (known && !reads(rule, key))
      report.warn(field_path(key),
                  "is ignored by " + std::string(rule.type) + " pagination; remove it");
  }
}

}  // namespace

void check_pagination(const Spec& spec, Report& report) {
  const auto* value = value_at(spec.attributes, "paginationParams");
  if (!value) {
    report.warn(std::string(kPaginationPath),
                "is not set, so each run makes a single request (NONE); set it when the API pages");
    return;
  }
  const auto* params = value->if_object();
  if (!params) return;
  const TypeRule* rule = check_type(*params, report);
  if (rule) {
    check_needs(*rule, *params, report);
    warn_ignored(*rule, *params, report);
  }
  check_pagination_values(
      *params, [rule](std::string_view key) { return !rule || reads(*rule, key); }, report);
}

}  // namespace hw::spec::rules
