#include "support/mock_paging.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <string>
#include <string_view>
#include <system_error>

#include <boost/json.hpp>

#include "support/mock_timestamp.hpp"

namespace hw::test::mock {
namespace {

constexpr std::string_view kStripe = "/v1/customers";
constexpr std::string_view kZendesk = "/api/v2/users";
constexpr std::string_view kNumbered = "/api/items";
constexpr std::string_view kStuckFeed = "/api/feed";

struct Range {
  std::size_t lowest, fallback, highest;
};

std::optional<std::size_t> whole(std::string_view text) {
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

// query[name] within `range` (its fallback when absent) into `out`; else the 400 to answer.
std::optional<Response> read_size(const QueryParams& query, const std::string& name, Range range,
                                  std::size_t& out) {
  const auto it = query.find(name);
  const auto value = it == query.end() ? std::optional(range.fallback) : whole(it->second);
  if (value && *value >= range.lowest && *value <= range.highest) {
    out = *value;
    return std::nullopt;
  }
  return problem(400, "Invalid Request",
                 name + " must be a whole number from " + std::to_string(range.lowest) + " to " +
                     std::to_string(range.highest));
}

Response json_response(const boost::json::object& body) {
  return {200, boost::json::serialize(body), {}};
}

// ---- Stripe ------------------------------------------------------------------------------

Response stripe_error(std::string_view param, std::string message) {
  const boost::json::object body{
      {"error", {{"type", "invalid_request_error"}, {"param", param}, {"message", message}}}};
  return {400, boost::json::serialize(body), {}};
}

Response stripe_customers(const QueryParams& query, const std::vector<MockRecord>& records) {
  std::size_t limit = 0;
  if (auto error = read_size(query, "limit", {1, 10, 100}, limit)) return *error;
  std::size_t from = 0;
  if (const auto after = query.find("starting_after"); after != query.end()) {
    const auto it = std::find_if(records.begin(), records.end(),
                                 [&](const MockRecord& r) { return r.id == after->second; });
    if (it == records.end())
      return stripe_error("starting_after", "No such customer: '" + after->second + "'");
    from = static_cast<std::size_t>(it - records.begin()) + 1;
  }
  const std::size_t end = std::min(records.size(), from + limit);
  boost::json::array data;
  for (std::size_t i = from; i < end; ++i) {
    data.push_back({{"id", records[i].id},
                    {"object", "customer"},
                    {"email", records[i].email},
                    {"created", records[i].last_changed_ms / 1000}});
  }
  return json_response({{"object", "list"},
                        {"url", kStripe},
                        {"has_more", end < records.size()},
                        {"data", std::move(data)}});
}

// ---- Zendesk -----------------------------------------------------------------------------

// Opaque to clients, as Zendesk's are: the position, hex-encoded behind a prefix.
std::string cursor_at(std::size_t position) {
  char digits[32];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, position, 16);
  return "eyJvIjo" + std::string(digits, end);
}

std::optional<std::size_t> position_of(std::string_view cursor) {
  constexpr std::string_view kPrefix = "eyJvIjo";
  if (!cursor.starts_with(kPrefix)) return std::nullopt;
  cursor.remove_prefix(kPrefix.size());
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), out, 16);
  if (cursor.empty() || ec != std::errc() || end != cursor.data() + cursor.size())
    return std::nullopt;
  return out;
}

boost::json::value zendesk_link(const std::string& origin, std::size_t size,
                                std::string_view direction, std::size_t position) {
  return boost::json::string(origin + std::string(kZendesk) +
                             "?page%5Bsize%5D=" + std::to_string(size) + "&page%5B" +
                             std::string(direction) + "%5D=" + cursor_at(position));
}

Response zendesk_users(const QueryParams& query, const std::string& origin,
                       const std::vector<MockRecord>& records) {
  std::size_t size = 0;
  if (auto error = read_size(query, "page[size]", {1, 100, 100}, size)) return *error;
  std::size_t from = 0;
  if (const auto after = query.find("page[after]"); after != query.end()) {
    const auto position = position_of(after->second);
    if (!position || *position > records.size()) {
      const boost::json::object body{{"error", "InvalidPaginationParameter"},
                                     {"description", "page[after] is not a valid cursor"}};
      return {400, boost::json::serialize(body), {}};
    }
    from = *position;
  }
  const std::size_t end = std::min(records.size(), from + size);
  boost::json::array users;
  for (std::size_t i = from; i < end; ++i) {
    const std::string n = std::to_string(i);
    users.push_back({{"id", records[i].id},
                     {"url", origin + std::string(kZendesk) + "/" + records[i].id + ".json"},
                     {"name", "First" + n + " Last" + n},
                     {"email", records[i].email},
                     {"created_at", format_timestamp(records[i].last_changed_ms)}});
  }
  const bool any = end > from, more = end < records.size();
  const auto cursor = [&](std::size_t at) -> boost::json::value {
    return any ? boost::json::value(cursor_at(at)) : nullptr;
  };
  return json_response(
      {{"users", std::move(users)},
       {"facets", nullptr},
       {"meta",
        {{"has_more", more}, {"after_cursor", cursor(end)}, {"before_cursor", cursor(from)}}},
       {"links",
        {{"prev", from > 0 && any ? zendesk_link(origin, size, "before", from) : nullptr},
         {"next", more ? zendesk_link(origin, size, "after", end) : nullptr}}}});
}

// ---- numbered pages ----------------------------------------------------------------------

Response numbered_items(const QueryParams& query, const std::vector<MockRecord>& records) {
  std::size_t size = 0, number = 0;
  if (auto error = read_size(query, "pageSize", {1, 10, 100}, size)) return *error;
  if (auto error = read_size(query, "pageNumber", {1, 1, 1'000'000}, number)) return *error;
  const std::size_t pages = std::max<std::size_t>(1, (records.size() + size - 1) / size);
  const std::size_t from = std::min(records.size(), (number - 1) * size);
  const std::size_t end = std::min(records.size(), from + size);
  boost::json::array items;
  for (std::size_t i = from; i < end; ++i)
    items.push_back({{"id", records[i].id}, {"email", records[i].email}});
  Response response = json_response({{"items", std::move(items)}});
  response.headers = {{"X-PageCount", std::to_string(pages)},
                      {"X-Total-Count", std::to_string(records.size())}};
  return response;
}

// ---- the stuck feed ----------------------------------------------------------------------

Response stuck_feed(const QueryParams& query, const std::vector<MockRecord>& records) {
  constexpr std::string_view kStuck = "c1";
  constexpr std::size_t kPerPage = 2;
  const auto cursor = query.find("cursor");
  if (cursor != query.end() && cursor->second != kStuck)
    return problem(400, "Invalid Request", "unknown cursor");
  const std::size_t from = std::min(records.size(), cursor == query.end() ? 0 : kPerPage);
  const std::size_t end = std::min(records.size(), from + kPerPage);
  boost::json::array entries;
  for (std::size_t i = from; i < end; ++i)
    entries.push_back(boost::json::object{{"id", records[i].id}});
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return json_response(
      {{"entries", std::move(entries)},
       {"next_cursor", kStuck},
       {"generated_at", std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()}});
}

}  // namespace

std::optional<Response> paging_route(const UpstreamRequest& request, const Target& target,
                                     const std::vector<MockRecord>& records) {
  const std::string_view path = target.path;
  if (path != kStripe && path != kZendesk && path != kNumbered && path != kStuckFeed)
    return std::nullopt;
  if (request.method != "GET") {
    Response response =
        problem(405, "Method Not Allowed", request.method + " is not supported here.");
    response.headers.emplace_back("Allow", "GET");
    return response;
  }
  if (path == kStripe) return stripe_customers(target.query, records);
  if (path == kNumbered) return numbered_items(target.query, records);
  if (path == kStuckFeed) return stuck_feed(target.query, records);
  const auto host = request.headers.find("host");
  return zendesk_users(target.query,
                       "http://" + (host == request.headers.end() ? std::string() : host->second),
                       records);
}

}  // namespace hw::test::mock
