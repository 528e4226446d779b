#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A small, strict XML 1.0 reader for documents that come from anyone (an icon an author
// hands in): it checks well-formedness and reports elements, attributes and text to a
// Handler. It refuses what it cannot vouch for instead of half-supporting it: a DOCTYPE
// (entity declarations, external DTDs), entities other than the five predefined ones and
// numeric references, text that is not UTF-8. It never recurses, so nesting costs heap,
// not stack, and the depth is bounded.
namespace hw::toolkit::xml {

struct Attribute {
  std::string_view name;   // as written, prefix included ("xlink:href")
  std::string value;       // references decoded
  std::size_t offset = 0;  // where the name starts in the document
};

class Handler {
 public:
  virtual ~Handler() = default;
  // `depth` is 1 for the root element. A self-closing element is started, then ended.
  virtual void start_element(std::string_view name, const std::vector<Attribute>& attributes,
                             std::size_t offset, std::size_t depth) = 0;
  virtual void end_element(std::string_view name) = 0;
  // Character data inside an element (references decoded; CDATA sections as they are),
  // possibly in several pieces.
  virtual void text(std::string_view data, std::size_t offset) = 0;
  // A processing instruction other than the XML declaration.
  virtual void processing_instruction(std::string_view target, std::size_t offset) = 0;
};

struct Limits {
  std::size_t max_depth = 256;
  std::size_t max_attributes = 1024;  // on one element
};

struct SyntaxError {
  std::size_t offset = 0;
  std::string message;
};

// Reads `document` to its end, or to its first syntax error, which it returns. Events
// before the error have been delivered.
std::optional<SyntaxError> scan(std::string_view document, Handler& handler,
                                const Limits& limits = {});

// Line and column (both from 1, the column in characters) of a byte offset.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};
Position position_of(std::string_view document, std::size_t offset);

// A local name: what follows the prefix ("xlink:href" -> "href").
std::string_view local_name(std::string_view name);

}  // namespace hw::toolkit::xml
