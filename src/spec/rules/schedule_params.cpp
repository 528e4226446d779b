#include "schedule/date_format.hpp"
#include "spec/rules/rules.hpp"

#include <array>
#include <span>
#include <variant>

namespace hw::spec::rules {
namespace {

constexpr std::array<std::string_view, 4> kWindowFields = {
    "scheduleStartParamName", "scheduleEndParamName", "scheduleStartParamFormat",
    "scheduleEndParamFormat"};
constexpr std::array<std::string_view, 3> kAdvanceFields = {"paramFormat", "incremental",
                                                            "backfill"};
constexpr std::string_view kScheduleQuery = "{SCHEDULE_QUERY}";

std::string field_path(std::string_view key) {
  return path_of(kSchedulePath, key);
}

void check_format(const json::object& params, std::string_view key, std::string_view needed_by,
                  Report& report) {
  const auto* format = params.if_contains(key);
  if (!format) {
    report.error(field_path(key), "is required with '" + std::string(needed_by) +
                                      "': a date pattern such as \"yyyy-MM-ddTHH:mm:ssZ\", or "
                                      "\"epoch\" / \"epochMillis\"");
    return;
  }
  if (!format->is_string()) return;
  const auto parsed = schedule::DateFormat::parse(format->get_string());
  if (const auto* problem = std::get_if<std::string>(&parsed))
    report.error(field_path(key), "is not a valid date format: " + *problem);
}

void warn_unused(const json::object& params, std::span<const std::string_view> keys,
                 std::string_view why, Report& report) {
  for (std::string_view key : keys)
    if (params.contains(key))
      report.warn(field_path(key), "is ignored " + std::string(why) + "; remove it");
}

// scheduleStartParamName/scheduleEndParamName: the window's bounds as two query parameters.
void check_window(const json::object& params, Report& report) {
  if (params.empty()) {
    report.warn(std::string(kSchedulePath),
                "is empty; remove it, or set scheduleStartParamName and scheduleEndParamName");
    return;
  }
  const std::array<std::pair<std::string_view, std::string_view>, 2> sides = {
      {{"scheduleStartParamName", "scheduleStartParamFormat"},
       {"scheduleEndParamName", "scheduleEndParamFormat"}}};
  for (const auto& [name, format] : sides) {
    if (params.contains(name))
      check_format(params, format, name, report);
    else
      report.error(field_path(name), "is required: the query parameter that carries the " +
                                         std::string(name == sides[0].first ? "start" : "end") +
                                         " of each run's time window");
  }
  warn_unused(params, kAdvanceFields, "unless \"type\" is \"ADVANCE\"", report);
}

bool uses_schedule_query(const Spec& spec) {
  bool found = false;
  const std::string host_path = path_of(kUrlParamsPath, "host");
  visit_request_strings(spec, [&](const std::string& path, std::string_view text) {
    found = found || (path != host_path && text.find(kScheduleQuery) != std::string_view::npos);
  });
  return found;
}

void check_advance(const Spec& spec, const json::object& params, Report& report) {
  check_format(params, "paramFormat", "type: ADVANCE", report);
  if (!params.contains("incremental"))
    report.error(field_path("incremental"),
                 "is required with ADVANCE scheduling: the query for each incremental run, using "
                 "{START_TIME} and {END_TIME}");
  if (!uses_schedule_query(spec))
    report.error(std::string(kSchedulePath),
                 "ADVANCE scheduling inserts its query where {SCHEDULE_QUERY} appears; put "
                 "{SCHEDULE_QUERY} in urlParams.path, queryParams, headerParams or bodyParams");
  warn_unused(params, kWindowFields, "with ADVANCE scheduling", report);
}

}  // namespace

void check_schedule_params(const Spec& spec, Report& report) {
  const auto* params = object_at(spec.attributes, "scheduleParams");
  if (!params) return;
  const auto* type = params->if_contains("type");
  if (!type) return check_window(*params, report);
  if (!type->is_string()) return;
  if (upper(type->get_string()) == "ADVANCE") return check_advance(spec, *params, report);
  report.error(field_path("type"), quoted(type->get_string()) +
                                       " is not a schedule type; use \"ADVANCE\", or remove 'type' "
                                       "to use scheduleStartParamName and scheduleEndParamName");
}

}  // namespace hw::spec::rules
