#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The two path forms of a mapping: where a value is read in an input record and where it
// is written in the output record.
namespace hw::mapping {

// One step into a record: an object key, or an array index ("items[0]" is two steps).
struct Step {
  std::string key;  // empty for an index step
  std::size_t index = 0;
  bool is_index = false;
};

// A source path: dot-separated field names, each optionally followed by array indices
// ("email.email_id", "items[0].id", "matrix[1][0]"). A field name is any text without '.',
// '[' or ']'. On failure, says what is wrong with the path.
std::variant<std::vector<Step>, std::string> parse_source_path(std::string_view text);

// A destination path: dot-separated, non-empty field names ("person.name.firstName").
// Array indices are refused: the output's objects are created as needed, arrays never.
std::variant<std::vector<std::string>, std::string> parse_destination_path(std::string_view text);

}  // namespace hw::mapping
