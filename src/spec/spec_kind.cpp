#include "spec/spec_kind.hpp"

#include "spec/did_you_mean.hpp"

namespace hw::spec {
namespace {

const boost::json::object* object_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? v->if_object() : nullptr;
}

bool is_streaming_type(const boost::json::object& spec) {
  const auto* type = spec.if_contains("type");
  return type && type->is_string() && iequals(type->get_string(), "generic-streaming");
}

}  // namespace

std::optional<SpecKind> classify_connection_spec(const boost::json::object& spec,
                                                 bool listed_in_streaming_flow_spec) {
  const auto* source = object_at(spec, "sourceSpec");
  if (spec.contains("targetSpec") && !spec.contains("sourceSpec")) return SpecKind::target;
  if (is_streaming_type(spec) || listed_in_streaming_flow_spec) return SpecKind::streaming_source;
  const auto* attributes = source ? object_at(*source, "attributes") : nullptr;
  if (attributes && attributes->contains("urlParams")) return SpecKind::batch_source;
  return std::nullopt;
}

}  // namespace hw::spec
