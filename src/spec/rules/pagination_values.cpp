#include "spec/rules/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace hw::spec::rules {
namespace {

struct WholeField {
  std::string_view key;
  std::int64_t minimum;
};
constexpr std::array<WholeField, 4> kWholeFields = {
    {{"limitValue", 1}, {"delayRequestMillis", 0}, {"initialPageIndex", 0}, {"maximumRequest", 1}}};
// Digit strings longer than this would not fit in 64 bits.
constexpr std::size_t kMaxDigits = 18;

std::string field_path(std::string_view key) {
  return path_of(kPaginationPath, key);
}

bool is_digits(std::string_view s) {
  return !s.empty() && s.size() <= kMaxDigits &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A whole number written as a JSON integer or a string of digits. Other JSON types are the
// shape layer's to report, so they count as fine here.
bool whole_number_at_least(const json::value& v, std::int64_t minimum) {
  if (v.is_int64()) return v.get_int64() >= minimum;
  if (v.is_uint64()) return true;
  if (!v.is_string()) return true;
  const std::string_view s = v.get_string();
  return is_digits(s) && std::stoll(std::string(s)) >= minimum;
}

void check_whole(const json::object& params, const WholeField& field, Report& report) {
  const auto* v = params.if_contains(field.key);
  if (!v || whole_number_at_least(*v, field.minimum)) return;
  report.error(field_path(field.key), "must be a whole number of at least " +
                                          std::to_string(field.minimum) +
                                          ", written as a number or a string of digits");
}

// A page number, `headers.<name>` (a response header holding the last page) or a JSONPath.
void check_end_page(const json::value& v, Report& report) {
  if (!v.is_string()) {
    if (!whole_number_at_least(v, 0))
      report.error(field_path("endPageIndex"), "must not be negative");
    return;
  }
  const std::string_view s = v.get_string();
  if (is_digits(s) || (s.starts_with("headers.") && s.size() > 8)) return;
  if (s.starts_with("$")) {
    if (auto problem = jsonpath_problem(s)) report.error(field_path("endPageIndex"), *problem);
    return;
  }
  report.error(field_path("endPageIndex"),
               "must be a page number, \"headers.<name>\" (a response header) or a JSONPath into "
               "the response, e.g. \"$.meta.pageCount\"");
}

void check_jsonpath(const json::object& params, std::string_view key, bool only_if_dollar,
                    Report& report) {
  const auto* v = params.if_contains(key);
  if (!v || !v->is_string()) return;
  const std::string_view s = v->get_string();
  if (only_if_dollar && !s.starts_with("$")) return;
  if (auto problem = jsonpath_problem(s)) report.error(field_path(key), *problem);
}

void check_parameter_type(const json::object& params, Report& report) {
  const auto* v = params.if_contains("parameterType");
  if (!v || !v->is_string()) return;
  const std::string type = upper(v->get_string());
  if (type == "QUERYPARAM" || type == "HEADERPARAM") return;
  report.error(field_path("parameterType"),
               quoted(v->get_string()) + " is not supported; use QUERYPARAM or HEADERPARAM");
}

}  // namespace

void check_pagination_values(const json::object& params,
                             const std::function<bool(std::string_view key)>& reads,
                             Report& report) {
  for (const WholeField& field : kWholeFields)
    if (reads(field.key)) check_whole(params, field, report);
  if (const auto* end = params.if_contains("endPageIndex"); end && reads("endPageIndex"))
    check_end_page(*end, report);
  // A pointer may also be a plain field name of the response; only `$...` must parse.
  for (std::string_view key : {"pointerPath", "pointerName", "endConditionName"})
    if (reads(key)) check_jsonpath(params, key, true, report);
  if (reads("continuationTokenPath"))
    check_jsonpath(params, "continuationTokenPath", false, report);
  if (reads("parameterType")) check_parameter_type(params, report);
}

}  // namespace hw::spec::rules
