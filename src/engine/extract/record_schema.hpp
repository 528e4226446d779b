#pragma once
#include <boost/json/value.hpp>

#include <optional>
#include <string>

#include "jsonpath/jsonpath.hpp"
#include "spec/schema_check.hpp"

namespace hw::engine {

// A connection spec's custom `sourceSpec.schema`, applied to each record. As in Adobe's
// example it describes the source's response, so the schema of one record is found by
// following contentPath through `properties` (names) and `items` (indexes, then the array).
class RecordSchema {
 public:
  // nullopt when `schema` is null. Throws RunError("INVALID_SPEC") when it is not a usable
  // draft-07 schema, or does not describe the records of `content_path`.
  static std::optional<RecordSchema> from(const boost::json::value* schema,
                                          const jsonpath::Path& content_path);

  // Empty when `record` (an element of the contentPath array, as the source sent it)
  // conforms; else "<JSON path>: <rule>" per problem, joined by "; ".
  std::string violations(const boost::json::value& record) const;

 private:
  explicit RecordSchema(spec::CompiledSchema compiled) : compiled_(std::move(compiled)) {}
  spec::CompiledSchema compiled_;
};

}  // namespace hw::engine
