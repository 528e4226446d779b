#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/extract/attribute_filter.hpp"

namespace hw::engine {

// `explodeEntityPath`: each element of a record's sub-array becomes a record of its own, the
// element under its wrapper name beside its parent's fields:
// {"email": {"id": 1, "activity": [a, b]}} -> {"email": {"id": 1, "activity": a}} and
// {"email": {"id": 1, "activity": b}}.
class Explode {
 public:
  // nullopt when `attributes` have no explodeEntityPath. `wrapper` is contentPath's
  // overrideWrapperAttribute: records are wrapped before they are exploded, so the path starts
  // with it (`$.email.activity`). Throws RunError("INVALID_SPEC") when the path is not `$`
  // followed by field names, or does not start with the wrapper.
  static std::optional<Explode> from(const boost::json::object& attributes,
                                     std::string_view wrapper);

  // The field of the unwrapped element that leads to the sub-array: contentPath's own
  // keep/skip lists must leave it in place.
  const std::string& element_field() const { return element_field_; }

  // Emits `record` (as wrapped) once per sub-array element; not at all when the sub-array is
  // missing, null or empty. Returns the reason when the value there is not an array.
  std::optional<std::string> apply(boost::json::value& record,
                                   const std::function<void(std::string_view)>& emit) const;

 private:
  std::vector<std::string> names_;  // the path's names after `$`
  std::string text_;                // the path as the spec writes it
  std::string wrapper_;             // the name each sub-array element takes in its record
  std::string element_field_;
  std::optional<AttributeFilter> filter_;
};

}  // namespace hw::engine
