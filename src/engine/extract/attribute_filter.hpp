#pragma once
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hw::engine {

// `keepAttributes` and `skipAttributes` of a contentPath or explodeEntityPath object: which
// top-level fields of a record are ingested. Names absent from a record are ignored.
class AttributeFilter {
 public:
  // nullopt when `record_path` (the contentPath/explodeEntityPath object) names neither list.
  static std::optional<AttributeFilter> from(const boost::json::object& record_path);

  // Keeps only the kept fields (when there is a keep list), then drops the skipped ones.
  // `exempt` survives both: it is the field explodeEntityPath reads.
  void apply(boost::json::object& record, std::string_view exempt = {}) const;

 private:
  std::optional<std::vector<std::string>> keep_;
  std::vector<std::string> skip_;
};

}  // namespace hw::engine
