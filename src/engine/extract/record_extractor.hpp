#pragma once
#include <simdjson.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/extract/attribute_filter.hpp"
#include "engine/extract/explode.hpp"
#include "engine/extract/record_failure.hpp"
#include "engine/extract/record_schema.hpp"
#include "jsonpath/jsonpath.hpp"

namespace hw::engine {

// A page whose records have been found but not yet emitted: a run finds them on the
// thread that fetches (the paginator needs their number) and emits them on another.
struct PreparedPage {
  std::string body;                               // kept padded for simdjson
  std::size_t records = 0;                        // elements of the contentPath array
  std::unique_ptr<simdjson::dom::parser> parser;  // owns `array`'s document
  std::optional<simdjson::dom::array> array;      // the simdjson route
  std::optional<boost::json::value> page;         // the DOM route: the whole page
};

// Turns a page into records: each element of the array at `contentPath`, checked against
// the spec's custom schema, trimmed by `keepAttributes`/`skipAttributes`, wrapped as
// {"W": element} when the spec names an `overrideWrapperAttribute` W, and split by
// `explodeEntityPath`. Without those, each element is written as the source sent it,
// sliced from the page with no DOM rebuilt.
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

  // Parses `body` with `parser` (validating all of it) and finds its records. Const, so
  // it may run on one thread while emit runs on another. Throws RunError("MALFORMED_PAGE")
  // when the page is not JSON, or when contentPath does not lead to an array (a missing
  // path is an empty page).
  PreparedPage prepare(std::string body, std::unique_ptr<simdjson::dom::parser> parser) const;
  // Hands the page's records to `sink` (or `failed`); returns how many source records it
  // had. Not thread-safe: one thread emits.
  std::size_t emit(PreparedPage& page, const Sink& sink, const FailureSink& failed = {});
  // prepare then emit, for callers that read one page.
  std::size_t extract(std::string_view page, const Sink& sink, const FailureSink& failed = {});

 private:
  std::size_t emit_array(simdjson::dom::array array, const Sink& sink, const FailureSink& failed);
  std::size_t emit_slices(std::string& body, const Sink& sink);
  std::size_t emit_general(const boost::json::value& page, const Sink& sink,
                           const FailureSink& failed);
  void emit_text(std::string_view element, const Sink& sink);
  // The DOM route, for one element: `raw` is its text as the source sent it.
  void shape(boost::json::value element, std::string_view raw, const Sink& sink,
             const FailureSink& failed);
  // Nothing to check or reshape: elements are copied as text, with no DOM.
  bool plain() const { return !filter_ && !explode_ && !schema_; }
  void fail(std::string_view raw, std::string code, std::string reason, const FailureSink& failed);

  jsonpath::Path path_;
  bool singular_ = false;   // only names and indexes, optionally ending in [*]: walked on simdjson
  bool sliceable_ = false;  // names only: records are sliced from the page text
  std::string wrapper_;
  std::optional<AttributeFilter> filter_;
  std::optional<Explode> explode_;
  std::optional<RecordSchema> schema_;
  std::size_t seen_ = 0;  // source records so far, for RecordFailure::index
  std::string buffer_;
  simdjson::ondemand::parser slicer_;
  std::unique_ptr<simdjson::dom::parser> spare_;  // extract's parser, kept between calls
};

}  // namespace hw::engine
