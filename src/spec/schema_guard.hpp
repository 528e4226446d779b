#pragma once
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

// Internal to schema_check: makes an untrusted JSON Schema safe to hand to valijson, whose
// parser recurses forever on `$ref` cycles and whose std::regex matching overflows the stack
// on long strings.
namespace hw::spec::detail {

// Strings longer than this are never given to std::regex (it recurses once per character).
inline constexpr std::size_t kMaxRegexSubjectLength = 4096;
// `uniqueItems` compares every pair; larger arrays are refused instead.
inline constexpr std::size_t kMaxUniqueItems = 2000;
// Schema objects visited with every `$ref` expanded; bounds "billion laughs" schemas.
inline constexpr std::size_t kMaxSchemaNodes = 20000;
// Nesting, counting each `$ref` followed as one level.
inline constexpr std::size_t kMaxSchemaDepth = 128;
inline constexpr std::size_t kMaxPatternLength = 1000;

struct GuardedSchema {
  // The schema with `pattern`, date formats and `uniqueItems` wrapped so that they only run
  // on bounded input, and formats valijson does not check removed.
  boost::json::value hardened;
  // True when validation matches instance property names against regexes.
  bool has_pattern_properties = false;
};

// The node a local `$ref` ("#" or "#/a/b", JSON Pointer in a URI fragment) points to, or
// nullptr when it is not local or points nowhere.
const boost::json::value* resolve_local_ref(const boost::json::value& root, std::string_view ref);

// The hardened schema, or a one-sentence problem: an unresolvable or recursive `$ref`, an
// invalid or over-long regex, or a schema too large or too deep.
std::variant<GuardedSchema, std::string> guard_schema(const boost::json::value& schema);

}  // namespace hw::spec::detail
