#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <variant>
#include <vector>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

// MailChimp's list-members resource: the data set and its paged, time-filtered view.
namespace hw::test::mock {

// Member i changed at base + i minutes, so the result is ordered by last_changed (then id).
std::vector<MockRecord> make_records(std::size_t n, std::int64_t base_time_ms);

struct MembersQuery {
  std::size_t count = 10;  // MailChimp's default page size
  std::size_t offset = 0;
  std::int64_t since_ms = std::numeric_limits<std::int64_t>::min();
  std::int64_t before_ms = std::numeric_limits<std::int64_t>::max();
};

// The query, with `count` clamped to `max_page`; or a 400 naming the bad parameter.
std::variant<MembersQuery, Response> parse_members_query(const QueryParams& params,
                                                         std::size_t max_page);

// One page of the members whose last_changed is in [since, before), with total_items
// counting every such member. `records` must be in make_records' order.
Response members_page(const std::vector<MockRecord>& records, std::string_view list_id,
                      const MembersQuery& query);

}  // namespace hw::test::mock
