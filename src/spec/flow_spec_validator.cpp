#include "spec/flow_spec_validator.hpp"

#include "spec/builtin_ids.hpp"
#include "spec/did_you_mean.hpp"
#include "spec/schema_check.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace hw::spec {
namespace json = boost::json;
namespace {

constexpr std::array<std::string_view, 16> kKnownKeys = {"name",
                                                         "description",
                                                         "providerId",
                                                         "version",
                                                         "type",
                                                         "attributes",
                                                         "sourceConnectionSpecIds",
                                                         "targetConnectionSpecIds",
                                                         "optionSpec",
                                                         "scheduleSpec",
                                                         "transformationSpecs",
                                                         "runSpec",
                                                         "permissionsInfo",
                                                         "entitlementInfo",
                                                         "policy",
                                                         "id"};
// Set by the server; sent back by clients that PUT what they got.
constexpr std::array<std::string_view, 10> kServerKeys = {
    "createdAt",     "updatedAt", "createdBy",   "updatedBy", "createdClient",
    "updatedClient", "sandboxId", "sandboxName", "imsOrgId",  "etag"};

enum class Family { batch, streaming };

std::string where_it_belongs(SpecKind kind) {
  if (kind == SpecKind::target) return "list it in targetConnectionSpecIds";
  if (kind == SpecKind::streaming_source)
    return "add it to the sourceConnectionSpecIds of GenericStreamingAEP (" +
           std::string(kGenericStreamingAep) + ") instead";
  return "add it to the sourceConnectionSpecIds of RestStorageToAEP (" +
         std::string(kRestStorageToAep) + ") instead";
}

std::string_view kind_phrase(SpecKind kind) {
  switch (kind) {
    case SpecKind::batch_source:
      return "a batch source";
    case SpecKind::streaming_source:
      return "a streaming source";
    case SpecKind::target:
      return "a target";
  }
  return "";
}

Family family_of(const json::object& doc, std::string_view id) {
  if (id == kGenericStreamingAep) return Family::streaming;
  const auto* attributes = doc.if_contains("attributes");
  const auto* frequency = attributes && attributes->is_object()
                              ? attributes->get_object().if_contains("frequency")
                              : nullptr;
  const bool streaming =
      frequency && frequency->is_string() && iequals(frequency->get_string(), "streaming");
  return streaming ? Family::streaming : Family::batch;
}

void check_required_string(const json::object& doc, std::string_view key, Report& report) {
  const auto* v = doc.if_contains(key);
  if (!v)
    report.error(std::string(key), "'" + std::string(key) + "' is required");
  else if (!v->is_string())
    report.error(std::string(key), "must be a string");
  else if (v->get_string().empty())
    report.error(std::string(key), "must not be empty");
}

struct IdList {
  std::string_view key;
  bool targets;  // targetConnectionSpecIds
  Family family;
};

bool fits(const IdList& list, SpecKind kind) {
  if (list.targets) return kind == SpecKind::target;
  return kind ==
         (list.family == Family::streaming ? SpecKind::streaming_source : SpecKind::batch_source);
}

void check_id(const IdList& list, std::string_view id, const std::string& path,
              const ConnectionSpecLookup& lookup, Report& report) {
  const auto kind = lookup(id);
  if (!kind) {
    report.error(path,
                 "no connection spec '" + std::string(id) + "' exists in this org and sandbox");
  } else if (!fits(list, *kind)) {
    report.error(path, "'" + std::string(id) + "' is " + std::string(kind_phrase(*kind)) +
                           " connection spec; " + where_it_belongs(*kind));
  }
}

void check_id_list(const json::object& doc, const IdList& list, const ConnectionSpecLookup& lookup,
                   Report& report) {
  const std::string path(list.key);
  const auto* v = doc.if_contains(list.key);
  if (!v) return report.error(path, "'" + path + "' is required: a list of connection spec ids");
  const auto* ids = v->if_array();
  if (!ids) return report.error(path, "must be an array of connection spec ids");
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    const std::string at = index_path(path, i);
    if (!(*ids)[i].is_string()) {
      report.error(at, "must be a connection spec id (a string)");
      continue;
    }
    const std::string_view id = (*ids)[i].get_string();
    if (!seen.insert(id).second)
      report.warn(at, "'" + std::string(id) + "' is listed more than once");
    else
      check_id(list, id, at, lookup, report);
  }
}

void check_schema(const json::value* holder, const std::string& path, Report& report) {
  if (!holder) return;
  const auto* o = holder->if_object();
  if (!o) return report.error(path, "must be an object");
  const auto* schema = o->if_contains("spec");
  if (!schema) return;
  if (!schema->is_object())
    return report.error(child_path(path, "spec"), "must be a JSON Schema object");
  if (auto problem = schema_problem(*schema)) report.error(child_path(path, "spec"), *problem);
}

void check_schemas(const json::object& doc, Report& report) {
  check_schema(doc.if_contains("scheduleSpec"), "scheduleSpec", report);
  check_schema(doc.if_contains("optionSpec"), "optionSpec", report);
  const auto* transformations = doc.if_contains("transformationSpecs");
  if (!transformations) return;
  if (!transformations->is_array())
    return report.error("transformationSpecs", "must be an array of {name, spec} objects");
  const auto& list = transformations->get_array();
  for (std::size_t i = 0; i < list.size(); ++i)
    check_schema(&list[i], index_path("transformationSpecs", i), report);
}

void warn_unknown_keys(const json::object& doc, Report& report) {
  for (const auto& member : doc) {
    const std::string_view key = member.key();
    const auto known = [&](auto& keys) {
      return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    if (known(kKnownKeys) || known(kServerKeys)) continue;
    report.warn(std::string(key), "'" + std::string(key) + "' is not a known field and is ignored" +
                                      did_you_mean_hint(key, kKnownKeys));
  }
}

void check_flow_spec(const json::object& doc, std::string_view id,
                     const ConnectionSpecLookup& lookup, Report& report) {
  check_required_string(doc, "name", report);
  check_required_string(doc, "providerId", report);
  if (const auto* attributes = doc.if_contains("attributes");
      attributes && !attributes->is_object())
    report.error("attributes", "must be an object");
  const Family family = family_of(doc, id);
  check_id_list(doc, {"sourceConnectionSpecIds", false, family}, lookup, report);
  check_id_list(doc, {"targetConnectionSpecIds", true, family}, lookup, report);
  check_schemas(doc, report);
  warn_unknown_keys(doc, report);
}

}  // namespace

Report validate_flow_spec(const json::value& doc, std::string_view flow_spec_id,
                          const ConnectionSpecLookup& lookup) {
  Report report;
  try {
    if (const auto* o = doc.if_object())
      check_flow_spec(*o, flow_spec_id, lookup, report);
    else
      report.error("$", "a flow spec must be a JSON object");
  } catch (const std::exception& e) {
    report.error("$", std::string("could not be validated: ") + e.what());
  }
  return report;
}

}  // namespace hw::spec
