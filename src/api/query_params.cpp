#include "api/query_params.hpp"

#include <cctype>
#include <charconv>

namespace hw::api {

http::ApiError bad_query_parameter(std::string_view name, const std::string& message) {
  return http::bad_request("invalid query parameter '" + std::string(name) + "': " + message,
                           {{"query." + std::string(name), message}});
}

std::size_t parse_whole_number(std::string_view name, std::string_view text, std::size_t min,
                               std::size_t max) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw bad_query_parameter(name, "'" + std::string(text) + "' is not a whole number from " +
                                        std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

bool valid_field(std::string_view field, bool allow_arrays) {
  if (field.empty() || field.front() == '.' || field.back() == '.') return false;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (allow_arrays && c == '[' && field.substr(i).starts_with("[]")) {
      ++i;
      continue;
    }
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
  }
  return field.find("..") == std::string_view::npos;
}

}  // namespace hw::api
