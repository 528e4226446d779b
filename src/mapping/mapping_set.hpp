#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <variant>
#include <vector>

#include "mapping/output_tree.hpp"
#include "mapping/path.hpp"
#include "spec/issue.hpp"

namespace hw::mapping {

// A Data Prep mapping set, compiled once and applied to every record of a run.
class MappingSet {
 public:
  // Compiles the "mappings" array of a mapping set (data-prep.yaml MappingSet):
  // - sourceType ATTRIBUTE (any letter case): `source` is a path in the input record
  //   ("email.email_id", "items[0].id");
  // - sourceType CONSTANT, or STATIC as data-prep.yaml's SourceType names it: `source` is
  //   the value itself, a string (MappingOperation.source is a string);
  // - `destination` is a dotted path in the output ("person.name.firstName").
  // `allowNullValues: true` writes null source values; by default they count as missing.
  // On failure, every problem with its path ("mappings[2].destination").
  static std::variant<MappingSet, std::vector<spec::Issue>> compile(
      const boost::json::value& mapping_set);

  // The output record: objects on the way to a destination are created as needed, and a
  // missing ATTRIBUTE source leaves its destination (and any object left empty) absent.
  // The result's memory comes from `storage`, e.g. a monotonic resource per page.
  boost::json::object apply(const boost::json::value& record,
                            boost::json::storage_ptr storage = {}) const;

 private:
  struct Source {
    std::vector<Step> path;       // ATTRIBUTE
    boost::json::value constant;  // CONSTANT
    bool is_constant = false;
  };

  MappingSet() = default;
  const boost::json::value* read(const Source& source, const boost::json::value& record) const;
  void fill(boost::json::object& out, std::size_t begin, std::size_t end,
            const boost::json::value& record) const;

  std::vector<Source> sources_;
  std::vector<OutputNode> nodes_;  // the output tree in pre-order
  std::size_t top_level_ = 0;
  bool allow_nulls_ = false;

  friend class MappingSetCompiler;
};

}  // namespace hw::mapping
