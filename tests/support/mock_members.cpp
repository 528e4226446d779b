#include "support/mock_members.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <system_error>

#include <boost/json.hpp>

#include "support/mock_timestamp.hpp"

namespace hw::test::mock {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;

Response invalid(std::string_view name, std::string_view value, std::string_view expected) {
  return problem(400, "Invalid Resource",
                 std::string(name) + " must be " + std::string(expected) + ", got '" +
                     std::string(value) + "'");
}

// Reads params[name], when present, into `out`; the 400 to answer when it is not a count.
std::optional<Response> read_count(const QueryParams& params, std::string_view name,
                                   std::size_t& out) {
  const auto it = params.find(std::string(name));
  if (it == params.end()) return std::nullopt;
  const std::string& text = it->second;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return std::nullopt;
  return invalid(name, text, "a non-negative integer");
}

std::optional<Response> read_time(const QueryParams& params, std::string_view name,
                                  std::int64_t& out) {
  const auto it = params.find(std::string(name));
  if (it == params.end()) return std::nullopt;
  const auto parsed = parse_timestamp(it->second);
  if (!parsed) return invalid(name, it->second, "an ISO 8601 time or epoch digits");
  out = *parsed;
  return std::nullopt;
}

boost::json::object member_json(const MockRecord& record, std::size_t index,
                                std::string_view list_id) {
  const std::string n = std::to_string(index);
  return {{"id", record.id},
          {"email_address", record.email},
          {"status", record.status},
          {"list_id", list_id},
          {"last_changed", format_timestamp(record.last_changed_ms)},
          {"merge_fields", {{"FNAME", "First" + n}, {"LNAME", "Last" + n}}}};
}

std::size_t first_at_or_after(const std::vector<MockRecord>& records, std::int64_t ms) {
  const auto it = std::partition_point(records.begin(), records.end(),
                                       [&](const MockRecord& r) { return r.last_changed_ms < ms; });
  return static_cast<std::size_t>(it - records.begin());
}

}  // namespace

std::vector<MockRecord> make_records(std::size_t n, std::int64_t base_time_ms) {
  std::vector<MockRecord> records;
  records.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string suffix = std::to_string(i);
    records.push_back({"m" + suffix, "user" + suffix + "@example.com", "subscribed",
                       base_time_ms + static_cast<std::int64_t>(i) * kMinuteMs});
  }
  return records;
}

std::variant<MembersQuery, Response> parse_members_query(const QueryParams& params,
                                                         std::size_t max_page) {
  MembersQuery query;
  if (auto error = read_count(params, "count", query.count)) return *error;
  if (auto error = read_count(params, "offset", query.offset)) return *error;
  if (auto error = read_time(params, "since_last_changed", query.since_ms)) return *error;
  if (auto error = read_time(params, "before_last_changed", query.before_ms)) return *error;
  query.count = std::min(query.count, max_page);
  return query;
}

Response members_page(const std::vector<MockRecord>& records, std::string_view list_id,
                      const MembersQuery& query) {
  const std::size_t first = first_at_or_after(records, query.since_ms);
  const std::size_t end = std::max(first, first_at_or_after(records, query.before_ms));
  const std::size_t page_first = first + std::min(query.offset, end - first);
  const std::size_t page_end = page_first + std::min(query.count, end - page_first);
  boost::json::array members;
  for (std::size_t i = page_first; i < page_end; ++i) {
    members.push_back(member_json(records[i], i, list_id));
  }
  const boost::json::object body{
      {"members", std::move(members)}, {"list_id", list_id}, {"total_items", end - first}};
  return {200, boost::json::serialize(body), {}};
}

}  // namespace hw::test::mock
