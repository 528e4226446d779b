#pragma once
#include <simdjson.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/extract/attribute_filter.hpp"
#include "engine/extract/explode.hpp"
#include "engine/extract/record_failure.hpp"
#include "engine/extract/record_schema.hpp"
#include "jsonpath/jsonpath.hpp"

namespace hw::engine {

// Turns a page into records: each element of the array at `contentPath`, checked against
// the spec's custom schema, trimmed by `keepAttributes`/`skipAttributes`, wrapped as
// {"W": element} when the spec names an `overrideWrapperAttribute` W, and split by
// `explodeEntityPath`. Without those, each element is written as its own serialized JSON
// with no DOM rebuilt. Reuses one simdjson parser across pages.
class RecordExtractor {
 public:
  using Sink = std::function<void(std::string_view record)>;
  // A source record that is not ingested, as the source sent it, and why.
  using FailureSink = std::function<void(std::string_view record, const RecordFailure& failure)>;

  // From `sourceSpec.attributes` (contentPath as a string or {path, …}) and
  // `sourceSpec.schema` (may be null). Throws RunError("INVALID_SPEC") when a path does not
  // parse or the schema cannot be used.
  explicit RecordExtractor(const boost::json::object& attributes,
                           const boost::json::value* schema = nullptr);

  // Returns the number of source records (elements of the contentPath array), failed ones
  // included. Throws RunError("MALFORMED_PAGE") when the page is not JSON, or when
  // contentPath does not lead to an array (a missing path is an empty page).
  std::size_t extract(std::string_view page, const Sink& sink, const FailureSink& failed = {});

 private:
  std::size_t emit_array(simdjson::dom::array array, const Sink& sink, const FailureSink& failed);
  std::size_t extract_general(std::string_view page, const Sink& sink, const FailureSink& failed);
  // The DOM route, for one element: `raw` is its text as the source sent it.
  void shape(boost::json::value element, std::string_view raw, const Sink& sink,
             const FailureSink& failed);
  // Nothing to check or reshape: elements are copied as text, with no DOM.
  bool plain() const { return !filter_ && !explode_ && !schema_; }
  void fail(std::string_view raw, std::string code, std::string reason, const FailureSink& failed);

  jsonpath::Path path_;
  bool singular_ = false;  // only names and indexes, optionally ending in [*]: walked on simdjson
  std::string wrapper_;
  std::optional<AttributeFilter> filter_;
  std::optional<Explode> explode_;
  std::optional<RecordSchema> schema_;
  std::size_t seen_ = 0;  // source records so far, for RecordFailure::index
  std::string buffer_;
  simdjson::dom::parser parser_;
};

}  // namespace hw::engine
