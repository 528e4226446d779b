#include "sample_api/contact_query.hpp"

#include <charconv>
#include <optional>
#include <string_view>

#include "sample_api/utc_time.hpp"

namespace hw::sample_api {
namespace {

// Thrown by the readers below; parse_contact_query returns it.
struct BadParam {
  std::string message;
};

// The one value of `name`; nullopt when absent. A repeated name is an error: which of
// two values a client meant is a guess.
std::optional<std::string_view> single(const http::Fields& query, std::string_view name) {
  std::optional<std::string_view> found;
  for (const auto& [key, value] : query) {
    if (key != name) continue;
    if (found) throw BadParam{std::string(name) + ": given more than once"};
    found = value;
  }
  return found;
}

std::size_t whole_number(const http::Fields& query, std::string_view name, std::size_t fallback,
                         std::size_t min, std::size_t max) {
  const auto text = single(query, name);
  if (!text) return fallback;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size() || value < min ||
      value > max)
    throw BadParam{std::string(name) + ": must be a whole number from " + std::to_string(min) +
                   " to " + std::to_string(max)};
  return value;
}

std::optional<std::chrono::sys_seconds> time_filter(const http::Fields& query,
                                                    std::string_view name) {
  const auto text = single(query, name);
  if (!text) return std::nullopt;
  const auto time = parse_utc(*text);
  if (!time)
    throw BadParam{std::string(name) +
                   ": must be a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-01-01T00:00:00Z"};
  return time;
}

}  // namespace

std::variant<ContactQuery, std::string> parse_contact_query(const http::Fields& query) {
  try {
    ContactQuery q;
    q.offset = whole_number(query, "offset", 0, 0, kMaxOffset);
    q.limit = whole_number(query, "limit", kDefaultLimit, 1, kMaxLimit);
    q.updated_after = time_filter(query, "updated_after");
    q.updated_before = time_filter(query, "updated_before");
    return q;
  } catch (BadParam& bad) {
    return std::move(bad.message);
  }
}

}  // namespace hw::sample_api
