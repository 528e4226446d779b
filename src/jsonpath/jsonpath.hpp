#pragma once
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// An RFC 9535 subset: `$`, `.name`, `['name']` / `["name"]`, `[n]` (negative
// counts from the end), `[*]` / `.*`, `..` (descendants), slices `[a:b:c]`,
// and unions of those inside one bracket (`['a','b']`, `[0,2]`).
namespace hw::jsonpath {

struct Selector {
  enum class Kind { name, index, wildcard, slice };
  Kind kind = Kind::name;
  std::string name;                 // Kind::name
  std::int64_t index = 0;           // Kind::index
  std::optional<std::int64_t> start, end;  // Kind::slice
  std::int64_t step = 1;            // Kind::slice
};

struct Segment {
  bool descendant = false;  // `..`
  std::vector<Selector> selectors;
};

class Path {
 public:
  Path() = default;
  explicit Path(std::vector<Segment> segments) : segments_(std::move(segments)) {}

  const std::vector<Segment>& segments() const { return segments_; }
  // True when the path names at most one node: only single name/index selectors, no `..`.
  bool is_singular() const;
  // Canonical text form, e.g. `$['members'][0]`.
  std::string to_string() const;

  // Calls `out` for each match, in document order. Never recurses deeper than the document.
  void select(const boost::json::value& root,
              const std::function<void(const boost::json::value&)>& out) const;
  std::vector<const boost::json::value*> select_all(const boost::json::value& root) const;
  // First match, or nullptr.
  const boost::json::value* select_first(const boost::json::value& root) const;

 private:
  std::vector<Segment> segments_;
};

struct ParseError {
  std::size_t offset = 0;  // byte offset in the expression where parsing failed
  std::string message;     // human readable, includes a hint where one helps
};

struct ParseResult {
  std::optional<Path> path;
  ParseError error;
  explicit operator bool() const { return path.has_value(); }
};

// Hostile input is bounded: expressions longer than kMaxExpressionLength or with
// more than kMaxSegments segments are rejected with a ParseError, never a crash.
inline constexpr std::size_t kMaxExpressionLength = 4096;
inline constexpr std::size_t kMaxSegments = 128;

ParseResult parse(std::string_view expression);

}  // namespace hw::jsonpath
