#include "engine/source_request.hpp"

#include <boost/json.hpp>

#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "json/serialize.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine {
namespace {

using json::object_at;

std::string as_text(const boost::json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : hw::json::serialize(v);
}

void add_values(const boost::json::object& params, TemplateValues& values) {
  for (const auto& [name, value] : params) values[std::string(name)] = as_text(value);
}

std::string format_time(const boost::json::object& schedule, std::string_view key,
                        schedule::TimePoint t) {
  const auto* pattern = schedule.if_contains(key);
  const std::string text =
      pattern && pattern->is_string() ? std::string(pattern->get_string()) : "yyyy-MM-ddTHH:mm:ssZ";
  auto format = schedule::DateFormat::parse(text);
  if (auto* error = std::get_if<std::string>(&format))
    throw RunError("INVALID_SPEC", std::string(key) + ": " + *error);
  return std::get<schedule::DateFormat>(format).format(t);
}

// ADVANCE scheduling: the backfill or incremental expression, with its times filled in.
void add_schedule_values(const SourceContext& c, TemplateValues& values) {
  const auto& schedule =
      object_at(object_at(object_at(c.spec, "sourceSpec"), "attributes"), "scheduleParams");
  if (!c.window || !spec::iequals(json::string_at(schedule, "type"), "ADVANCE")) return;
  values["START_TIME"] = format_time(schedule, "paramFormat", c.window->start);
  values["END_TIME"] = format_time(schedule, "paramFormat", c.window->end);
  std::string expression = json::string_at(schedule, "incremental");
  if (c.window->first_run && schedule.contains("backfill"))
    expression = json::string_at(schedule, "backfill");
  values["SCHEDULE_QUERY"] = render(expression, values, Encoding::none);
}

std::string base_url(const boost::json::object& url_params, const TemplateValues& values) {
  const auto* host = url_params.if_contains("host");
  std::string base;
  if (host && host->is_string()) {
    base = render(host->get_string(), values, Encoding::none);
  } else if (auto it = values.find("host"); it != values.end()) {
    base = it->second;
  }
  if (base.empty())
    throw RunError("INVALID_SPEC",
                   "no host: set urlParams.host in the spec or the 'host' auth param");
  while (base.ends_with('/')) base.pop_back();
  return base;
}

// queryParams / headerParams as an object or the older "k=v,k2=v2" string.
template <typename Add>
void each_param(const boost::json::value* params, Add add) {
  if (!params) return;
  if (params->is_object()) {
    for (const auto& [name, value] : params->get_object()) add(std::string(name), as_text(value));
  } else if (params->is_string()) {
    std::string_view rest = params->get_string();
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto part = rest.substr(0, comma);
      if (const auto eq = part.find('='); eq != std::string_view::npos)
        add(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
}

boost::json::value render_body(const boost::json::value& body, const TemplateValues& values) {
  if (body.is_string())
    return boost::json::string(render(body.get_string(), values, Encoding::none));
  if (body.is_array()) {
    boost::json::array out;
    for (const auto& v : body.get_array()) out.push_back(render_body(v, values));
    return out;
  }
  if (body.is_object()) {
    boost::json::object out;
    for (const auto& [k, v] : body.get_object()) out[k] = render_body(v, values);
    return out;
  }
  return body;
}

void add_window_params(const SourceContext& c, const boost::json::object& schedule,
                       UpstreamRequest& request) {
  const std::string start = json::string_at(schedule, "scheduleStartParamName");
  const std::string end = json::string_at(schedule, "scheduleEndParamName");
  if (!c.window || start.empty() || end.empty()) return;
  pagination::set_query_param(request.url, start,
                              format_time(schedule, "scheduleStartParamFormat", c.window->start));
  pagination::set_query_param(request.url, end,
                              format_time(schedule, "scheduleEndParamFormat", c.window->end));
}

}  // namespace

TemplateValues template_values(const SourceContext& context) {
  TemplateValues values;
  add_values(context.auth_params, values);
  add_values(context.source_params, values);
  add_schedule_values(context, values);
  return values;
}

UpstreamRequest build_request(const SourceContext& c) {
  const auto values = template_values(c);
  const auto& attributes = object_at(object_at(c.spec, "sourceSpec"), "attributes");
  const auto& url_params = object_at(attributes, "urlParams");
  UpstreamRequest request;
  request.method =
      json::string_at(url_params, "method").empty() ? "GET" : json::string_at(url_params, "method");
  for (auto& ch : request.method)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  request.url = base_url(url_params, values) +
                render(json::string_at(url_params, "path"), values, Encoding::url_component);
  each_param(url_params.if_contains("queryParams"), [&](std::string name, std::string value) {
    pagination::set_query_param(request.url, name, render(value, values, Encoding::none));
  });
  each_param(attributes.if_contains("headerParams"), [&](std::string name, std::string value) {
    request.set_header(std::move(name), render(value, values, Encoding::none));
  });
  if (const auto* body = attributes.if_contains("bodyParams"); body && request.method == "POST") {
    const auto rendered = render_body(*body, values);
    request.body = rendered.is_string() ? std::string(rendered.get_string())
                                        : hw::json::serialize(rendered);
    request.set_header("Content-Type", "application/json");
  }
  add_window_params(c, object_at(attributes, "scheduleParams"), request);
  return request;
}

}  // namespace hw::engine
