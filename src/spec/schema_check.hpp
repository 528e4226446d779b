#pragma once
#include "spec/issue.hpp"

#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <variant>

// JSON Schema (draft-07) checks through valijson. Nothing here throws: schemas come from
// connector authors and instances from API clients, so both are untrusted.
namespace hw::spec {

// A schema parsed once and checked against many instances; safe to share between threads.
class CompiledSchema {
 public:
  // The compiled schema, or why `schema` is not a usable draft-07 schema.
  static std::variant<CompiledSchema, std::string> compile(const boost::json::value& schema);

  // One error per problem, at paths below `base_path` (e.g. "auth.params" ->
  // "auth.params.password"; "$" for a document root).
  Report validate(const boost::json::value& instance, const std::string& base_path) const;

 private:
  struct Impl;
  explicit CompiledSchema(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Compiles `schema` and checks `instance` against it. An unusable schema is reported as one
// error at `base_path`.
Report validate_instance(const boost::json::value& schema, const boost::json::value& instance,
                         const std::string& base_path);

// nullopt when `schema` is a usable draft-07 schema, else what is wrong with it, worded to
// follow the path of the schema ("is not a valid JSON Schema (draft-07): ...").
std::optional<std::string> schema_problem(const boost::json::value& schema);

}  // namespace hw::spec
