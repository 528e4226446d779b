#pragma once
#include <map>
#include <string>
#include <string_view>

namespace hw::engine {

// Values for `${name}` / `{{name}}` placeholders: the source connection's params and the
// base connection's auth params, plus the built-ins SCHEDULE_QUERY, START_TIME, END_TIME
// (written `{SCHEDULE_QUERY}` in specs).
using TemplateValues = std::map<std::string, std::string, std::less<>>;

enum class Encoding { none, url_component };

// Fills every placeholder of `text`. Throws RunError naming a placeholder without a value.
std::string render(std::string_view text, const TemplateValues& values, Encoding encoding);

std::string url_encode(std::string_view text);

}  // namespace hw::engine
