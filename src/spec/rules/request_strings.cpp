#include "spec/rules/rules.hpp"

namespace hw::spec::rules {
namespace {

// Body params are JSON of any shape; this bounds the walk for documents built in code
// (parsed ones are already at most 64 deep).
constexpr std::size_t kMaxBodyDepth = 64;

void visit_params(const json::value* params, const std::string& path,
                  const RequestStringVisitor& visit) {
  if (!params) return;
  if (params->is_string()) return visit(path, params->get_string());
  const auto* o = params->if_object();
  if (!o) return;
  for (const auto& member : *o)
    if (member.value().is_string())
      visit(child_path(path, member.key()), member.value().get_string());
}

void visit_body(const json::value& v, const std::string& path, std::size_t depth,
                const RequestStringVisitor& visit) {
  if (depth > kMaxBodyDepth) return;
  if (v.is_string()) return visit(path, v.get_string());
  if (const auto* o = v.if_object())
    for (const auto& member : *o)
      visit_body(member.value(), child_path(path, member.key()), depth + 1, visit);
  if (const auto* a = v.if_array())
    for (std::size_t i = 0; i < a->size(); ++i)
      visit_body((*a)[i], index_path(path, i), depth + 1, visit);
}

}  // namespace

void visit_request_strings(const Spec& spec, const RequestStringVisitor& visit) {
  for (std::string_view key : {"host", "path"})
    if (auto text = string_at(spec.url_params, key)) visit(path_of(kUrlParamsPath, key), *text);
  visit_params(value_at(spec.url_params, "queryParams"), std::string(kQueryParamsPath), visit);
  visit_params(value_at(spec.attributes, "headerParams"), std::string(kHeaderParamsPath), visit);
  if (const auto* body = value_at(spec.attributes, "bodyParams"))
    visit_body(*body, std::string(kBodyParamsPath), 0, visit);
}

}  // namespace hw::spec::rules
