#include "support/mock_search.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>

#include <boost/json.hpp>
#include <boost/url.hpp>

#include "support/mock_timestamp.hpp"

namespace hw::test::mock {
namespace {

constexpr std::string_view kExport = "/api/v2/search/export";
constexpr std::string_view kCursorPrefix = "c2VhcmNo";  // opaque to clients, as Zendesk's are

// The time bounds of a query, both exclusive.
struct Bounds {
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  std::int64_t before = std::numeric_limits<std::int64_t>::max();
};

Response invalid(std::string description) {
  const boost::json::object body{{"error", "InvalidValue"}, {"description", description}};
  return {400, boost::json::serialize(body), {}};
}

bool is_operator(char c) {
  return c == '<' || c == '>';
}

// `updated > T` as `updated>T`: spaces around an operator are dropped.
std::string tighten(std::string_view expr) {
  std::string out;
  for (std::size_t i = 0; i < expr.size(); ++i) {
    if (expr[i] == ' ') {
      const auto next = expr.find_first_not_of(' ', i);
      const bool before_operator = next != std::string_view::npos && is_operator(expr[next]);
      if (before_operator || (!out.empty() && is_operator(out.back()))) continue;
    }
    out += expr[i];
  }
  return out;
}

// Applies one term to `bounds`; the 400 to answer when the term is not understood.
std::optional<Response> apply_term(std::string_view term, Bounds& bounds) {
  if (term == "type:user") return std::nullopt;
  constexpr std::string_view kAfter = "updated>", kBefore = "updated<";
  const bool after = term.starts_with(kAfter);
  if (!after && !term.starts_with(kBefore))
    return invalid("unsupported search term '" + std::string(term) + "'");
  const auto time = parse_timestamp(term.substr(kAfter.size()));
  if (!time) return invalid("'" + std::string(term) + "' does not end in a time");
  (after ? bounds.after : bounds.before) = *time;
  return std::nullopt;
}

std::variant<Bounds, Response> parse_search(std::string_view expr) {
  const std::string tight = tighten(expr);
  Bounds bounds;
  std::string_view rest = tight;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const std::string_view term = rest.substr(0, space);
    if (!term.empty())
      if (auto error = apply_term(term, bounds)) return *error;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return bounds;
}

std::optional<std::size_t> whole(std::string_view text) {
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

std::optional<std::size_t> position_of(std::string_view cursor) {
  if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
  return whole(cursor.substr(kCursorPrefix.size()));
}

std::string cursor_at(std::size_t position) {
  return std::string(kCursorPrefix) + std::to_string(position);
}

boost::json::object user_json(const MockRecord& record, std::size_t index,
                              const std::string& origin) {
  const std::string n = std::to_string(index), at = format_timestamp(record.last_changed_ms);
  return {{"id", record.id},
          {"url", origin + "/api/v2/users/" + record.id + ".json"},
          {"name", "First" + n + " Last" + n},
          {"email", record.email},
          {"created_at", at},
          {"updated_at", at},
          {"result_type", "user"}};
}

std::string next_link(const std::string& origin, std::string_view expr, std::size_t size,
                      std::size_t position) {
  boost::urls::url link(origin + std::string(kExport));
  link.params().append({"query", expr});
  link.params().append({"filter[type]", "user"});
  link.params().append({"page[size]", std::to_string(size)});
  link.params().append({"page[after]", cursor_at(position)});
  return std::string(link.buffer());
}

struct Page {
  std::size_t size = 100;
  std::size_t from = 0;  // position among the matching members
};

std::variant<Page, Response> read_page(const QueryParams& query) {
  Page page;
  if (const auto size = query.find("page[size]"); size != query.end()) {
    const auto value = whole(size->second);
    if (!value || *value < 1 || *value > 1000)
      return invalid("page[size] must be a whole number from 1 to 1000");
    page.size = *value;
  }
  if (const auto after = query.find("page[after]"); after != query.end()) {
    const auto position = position_of(after->second);
    if (!position) return invalid("page[after] is not a valid cursor");
    page.from = *position;
  }
  return page;
}

Response export_users(const Target& target, const std::string& origin,
                      const std::vector<MockRecord>& records) {
  const auto& query = target.query;
  const auto type = query.find("filter[type]");
  if (type == query.end() || type->second != "user") return invalid("filter[type] must be user");
  const auto expr = query.find("query");
  if (expr == query.end()) return invalid("query is required");
  auto bounds = parse_search(expr->second);
  if (auto* error = std::get_if<Response>(&bounds)) return *error;
  auto page = read_page(query);
  if (auto* error = std::get_if<Response>(&page)) return *error;
  const auto [after, before] = std::get<Bounds>(bounds);
  const auto [size, from] = std::get<Page>(page);
  std::vector<std::size_t> matching;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (records[i].last_changed_ms > after && records[i].last_changed_ms < before)
      matching.push_back(i);
  if (from > matching.size()) return invalid("page[after] is not a valid cursor");
  const std::size_t end = std::min(matching.size(), from + size);
  boost::json::array results;
  for (std::size_t at = from; at < end; ++at)
    results.push_back(user_json(records[matching[at]], matching[at], origin));
  const bool more = end < matching.size();
  const boost::json::object body{
      {"results", std::move(results)},
      {"facets", nullptr},
      {"meta",
       {{"has_more", more}, {"after_cursor", cursor_at(end)}, {"before_cursor", cursor_at(from)}}},
      {"links",
       {{"prev", nullptr},
        {"next", more ? boost::json::value(next_link(origin, expr->second, size, end))
                      : boost::json::value(nullptr)}}}};
  return {200, boost::json::serialize(body), {}};
}

}  // namespace

std::optional<Response> search_route(const UpstreamRequest& request, const Target& target,
                                     const std::vector<MockRecord>& records) {
  if (target.path != kExport) return std::nullopt;
  if (request.method != "GET") {
    Response response =
        problem(405, "Method Not Allowed", request.method + " is not supported here.");
    response.headers.emplace_back("Allow", "GET");
    return response;
  }
  const auto host = request.headers.find("host");
  return export_users(
      target, "http://" + (host == request.headers.end() ? std::string() : host->second), records);
}

}  // namespace hw::test::mock
