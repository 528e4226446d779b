#include "spec/rules/rules.hpp"

namespace hw::spec::rules {
namespace {

void check_path(const Spec& spec, Report& report) {
  const auto* path = value_at(spec.url_params, "path");
  if (!path) {
    report.error(path_of(kUrlParamsPath, "path"),
                 "a batch source needs 'path': the resource path to request, e.g. \"/v1/items\"");
  } else if (path->is_string() && path->get_string().empty()) {
    report.error(path_of(kUrlParamsPath, "path"),
                 "must not be empty; use \"/\" for the host's root");
  }
}

// The method the request will use: "GET", "POST", or "" when the one given is not supported.
std::string check_method(const Spec& spec, Report& report) {
  const auto* method = value_at(spec.url_params, "method");
  if (!method) {
    report.warn(path_of(kUrlParamsPath, "method"),
                "is not set, so requests use GET; set it to say so");
    return "GET";
  }
  if (!method->is_string()) return "";
  const std::string name = upper(method->get_string());
  if (name == "GET" || name == "POST") return name;
  report.error(path_of(kUrlParamsPath, "method"),
               quoted(method->get_string()) + " is not supported; use \"GET\" or \"POST\"");
  return "";
}

void check_body(const Spec& spec, const std::string& method, Report& report) {
  if (method != "GET" || !value_at(spec.attributes, "bodyParams")) return;
  report.error(std::string(kBodyParamsPath),
               "is only sent with POST; set urlParams.method to \"POST\" or remove bodyParams");
}

// The older string form: "name=value,name2=value2".
void check_pairs(const json::value* params, std::string_view path, Report& report) {
  if (!params || !params->is_string()) return;
  std::string_view rest = params->get_string();
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    std::string_view entry = rest.substr(0, comma);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    if (entry.empty()) continue;
    const std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos)
      report.error(
          std::string(path),
          "entry " + quoted(entry) + " has no '='; write name=value pairs separated by commas");
    else if (eq == 0)
      report.error(std::string(path), "entry " + quoted(entry) + " has no name before '='");
  }
}

}  // namespace

void check_request_parts(const Spec& spec, Report& report) {
  if (!spec.url_params) return;
  check_path(spec, report);
  check_body(spec, check_method(spec, report), report);
  check_pairs(value_at(spec.url_params, "queryParams"), kQueryParamsPath, report);
  check_pairs(value_at(spec.attributes, "headerParams"), kHeaderParamsPath, report);
}

}  // namespace hw::spec::rules
