#include "engine/template.hpp"

#include <array>

#include "engine/run_error.hpp"
#include "util/percent_encode.hpp"

namespace hw::engine {
namespace {

struct Form {
  std::string_view open, close;
};

// `${x}` and `{{x}}` name params; `{X}` names a built-in, and only for the three built-ins,
// so JSON braces in a body template pass through untouched.
constexpr std::array<Form, 3> kForms = {{{"${", "}"}, {"{{", "}}"}, {"{", "}"}}};
constexpr std::array<std::string_view, 3> kBuiltIns = {"SCHEDULE_QUERY", "START_TIME", "END_TIME"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_built_in(std::string_view name) {
  for (auto b : kBuiltIns)
    if (b == name) return true;
  return false;
}

// Length of the placeholder at the start of `text` and its name, or 0.
std::size_t match(std::string_view text, std::string_view& name) {
  for (const auto& form : kForms) {
    if (!text.starts_with(form.open)) continue;
    const auto end = text.find(form.close, form.open.size());
    if (end == std::string_view::npos) continue;
    name = trim(text.substr(form.open.size(), end - form.open.size()));
    if (form.open == "{" && !is_built_in(name)) return 0;
    if (name.empty()) continue;
    return end + form.close.size();
  }
  return 0;
}

}  // namespace

std::string url_encode(std::string_view text) {
  return util::percent_encode(text, [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';  // RFC 3986 unreserved
  });
}

std::string render(std::string_view text, const TemplateValues& values, Encoding encoding) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::string_view name;
    const std::size_t length = text[i] == '$' || text[i] == '{' ? match(text.substr(i), name) : 0;
    if (length == 0) {
      out += text[i++];
      continue;
    }
    const auto value = values.find(name);
    if (value == values.end()) {
      throw RunError("MISSING_PARAM", "the placeholder '" + std::string(text.substr(i, length)) +
                                          "' has no value; set '" + std::string(name) +
                                          "' in the source connection's params");
    }
    out += encoding == Encoding::url_component ? url_encode(value->second) : value->second;
    i += length;
  }
  return out;
}

}  // namespace hw::engine
