#pragma once
#include "spec/issue.hpp"
#include "spec/spec_kind.hpp"

#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

// Internal to the connection spec validator: the semantic rules, one concept per file.
// Rules read the document through typed accessors and skip any field of the wrong type:
// the shape layer (connection_spec.schema.json) has already reported it.
namespace hw::spec::rules {

namespace json = boost::json;

inline constexpr std::string_view kAttributesPath = "sourceSpec.attributes";
inline constexpr std::string_view kUrlParamsPath = "sourceSpec.attributes.urlParams";
inline constexpr std::string_view kQueryParamsPath = "sourceSpec.attributes.urlParams.queryParams";
inline constexpr std::string_view kHeaderParamsPath = "sourceSpec.attributes.headerParams";
inline constexpr std::string_view kBodyParamsPath = "sourceSpec.attributes.bodyParams";
inline constexpr std::string_view kPaginationPath = "sourceSpec.attributes.paginationParams";
inline constexpr std::string_view kSchedulePath = "sourceSpec.attributes.scheduleParams";

// The parts of a connection spec the rules look at; each pointer is null when the field is
// absent or not an object.
struct Spec {
  const json::object& root;
  std::optional<SpecKind> kind;
  const json::object* source_spec = nullptr;  // sourceSpec
  const json::object* attributes = nullptr;   // sourceSpec.attributes
  const json::object* url_params = nullptr;   // sourceSpec.attributes.urlParams

  bool batch() const { return kind == SpecKind::batch_source; }
  bool streaming() const { return kind == SpecKind::streaming_source; }
};

Spec make_spec(const json::object& root, bool listed_in_streaming_flow_spec);

const json::value* value_at(const json::object* o, std::string_view key);
const json::object* object_at(const json::object* o, std::string_view key);
const json::array* array_at(const json::object* o, std::string_view key);
std::optional<std::string_view> string_at(const json::object* o, std::string_view key);

std::string path_of(std::string_view parent, std::string_view key);
std::string upper(std::string_view text);
std::string quoted(std::string_view text);  // 'text', shortened when long

// nullopt when `expression` parses as JSONPath, else a message for its field.
std::optional<std::string> jsonpath_problem(std::string_view expression);

// Every string the engine sends in a request: urlParams.host, urlParams.path, each value of
// urlParams.queryParams and headerParams (or their `k=v,...` string form), and every string
// inside bodyParams. `path` is the field's dotted path.
using RequestStringVisitor = std::function<void(const std::string& path, std::string_view text)>;
void visit_request_strings(const Spec& spec, const RequestStringVisitor& visit);

void check_family(const Spec& spec, Report& report);
void check_request_parts(const Spec& spec, Report& report);
void check_placeholders(const Spec& spec, Report& report);
void check_record_paths(const Spec& spec, Report& report);
void check_record_shaping(const Spec& spec, Report& report);
void check_pagination(const Spec& spec, Report& report);
// The values of the pagination fields for which `reads(key)` holds (pagination.cpp decides
// which fields the chosen type reads).
void check_pagination_values(const json::object& params,
                             const std::function<bool(std::string_view key)>& reads,
                             Report& report);
void check_schedule_params(const Spec& spec, Report& report);
void check_auth_spec(const Spec& spec, Report& report);
void check_param_schemas(const Spec& spec, Report& report);
void check_category(const Spec& spec, Report& report);
void check_unknown_keys(const Spec& spec, Report& report);

}  // namespace hw::spec::rules
