#include "spec/did_you_mean.hpp"
#include "spec/rules/rules.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>
#include <vector>

namespace hw::spec::rules {
namespace {

// Filled in by the engine itself (scheduleParams), so never declared by the author.
constexpr std::array<std::string_view, 3> kBuiltIns = {"SCHEDULE_QUERY", "START_TIME", "END_TIME"};
// Suggesting names means comparing against each declared one; hostile specs can declare many.
constexpr std::size_t kMaxSuggestionCandidates = 256;

bool is_built_in(std::string_view name) {
  return std::find(kBuiltIns.begin(), kBuiltIns.end(), name) != kBuiltIns.end();
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// Names a user supplies: properties of sourceSpec.spec and of every authSpec's spec.
std::vector<std::string_view> declared_names(const Spec& spec) {
  std::vector<std::string_view> out;
  const auto add = [&](const json::object* schema) {
    if (const auto* props = object_at(schema, "properties"))
      for (const auto& member : *props) out.push_back(member.key());
  };
  add(object_at(spec.source_spec, "spec"));
  if (const auto* auth = array_at(&spec.root, "authSpec"))
    for (const auto& entry : *auth)
      if (entry.is_object()) add(object_at(&entry.get_object(), "spec"));
  return out;
}

class FieldScanner {
 public:
  FieldScanner(const std::unordered_set<std::string_view>& declared,
               const std::vector<std::string_view>& candidates, const std::string& path,
               Report& report)
      : declared_(declared), candidates_(candidates), path_(path), report_(report) {}

  void scan(std::string_view text);

 private:
  std::size_t template_at(std::string_view text, std::size_t i, std::string_view open,
                          std::string_view close);
  std::size_t expression_at(std::string_view text, std::size_t i);
  std::size_t single_brace_at(std::string_view text, std::size_t i);
  void check_declared(std::string_view name, std::string_view written);

  const std::unordered_set<std::string_view>& declared_;
  const std::vector<std::string_view>& candidates_;
  const std::string& path_;
  Report& report_;
  std::unordered_set<std::string_view> reported_;
  bool warned_expression_ = false;
};

void FieldScanner::scan(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t brace = text.find('{', i);
    if (brace == std::string_view::npos) return;
    const char before = brace > 0 ? text[brace - 1] : '\0';
    const bool doubled = brace + 1 < text.size() && text[brace + 1] == '{';
    if (before == '$') {
      i = template_at(text, brace - 1, "${", "}");
    } else if (before == '@') {
      i = expression_at(text, brace);
    } else if (doubled) {
      i = template_at(text, brace, "{{", "}}");
    } else {
      i = single_brace_at(text, brace);
    }
  }
}

// `${name}` or `{{name}}`. Returns where scanning resumes (the end when never closed).
std::size_t FieldScanner::template_at(std::string_view text, std::size_t i, std::string_view open,
                                      std::string_view close) {
  const std::size_t start = i + open.size();
  const std::size_t end = text.find(close, start);
  if (end == std::string_view::npos) {
    report_.error(path_, "has an unclosed '" + std::string(open) + "'; write " + std::string(open) +
                             "name" + std::string(close));
    return text.size();
  }
  std::string_view name = text.substr(start, end - start);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  const std::string_view written = text.substr(i, end + close.size() - i);
  if (name.empty())
    report_.error(path_, quoted(written) + " names no parameter; write " + std::string(open) +
                             "name" + std::string(close));
  else
    check_declared(name, written);
  return end + close.size();
}

void FieldScanner::check_declared(std::string_view name, std::string_view written) {
  if (declared_.contains(name) || !reported_.insert(name).second) return;
  std::string message = quoted(written) + " is not declared; add " + quoted(name) +
                        " to sourceSpec.spec.properties or to an authSpec's spec.properties";
  if (is_built_in(name))
    message += " (the engine's own " + quoted(name) + " is written {" + std::string(name) + "})";
  else if (candidates_.size() <= kMaxSuggestionCandidates)
    message += did_you_mean_hint(name, candidates_);
  report_.error(path_, std::move(message));
}

// `@{...}`: an expression language of the hosted service, which this engine does not run.
std::size_t FieldScanner::expression_at(std::string_view text, std::size_t brace) {
  if (!warned_expression_)
    report_.warn(path_,
                 "has an '@{...}' expression, which the engine does not evaluate; use ${name} "
                 "placeholders instead");
  warned_expression_ = true;
  std::size_t depth = 0;
  for (std::size_t i = brace; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i + 1;
  }
  return text.size();
}

// `{name}`: a built-in, or most likely a `${name}` with the `$` forgotten. Braces around
// anything that is not a bare name (JSON text, say) are left alone.
std::size_t FieldScanner::single_brace_at(std::string_view text, std::size_t brace) {
  std::size_t end = brace + 1;
  while (end < text.size() && is_name_char(text[end])) ++end;
  if (end == brace + 1 || end >= text.size() || text[end] != '}') return brace + 1;
  const std::string_view name = text.substr(brace + 1, end - brace - 1);
  if (!is_built_in(name))
    report_.warn(path_, "'{" + std::string(name) +
                            "}' is not a placeholder and is sent as written; "
                            "write ${" +
                            std::string(name) + "} to fill it in");
  return end + 1;
}

}  // namespace

void check_placeholders(const Spec& spec, Report& report) {
  const std::vector<std::string_view> candidates = declared_names(spec);
  const std::unordered_set<std::string_view> declared(candidates.begin(), candidates.end());
  visit_request_strings(spec, [&](const std::string& path, std::string_view text) {
    FieldScanner(declared, candidates, path, report).scan(text);
  });
}

}  // namespace hw::spec::rules
