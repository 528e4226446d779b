#pragma once
#include <optional>
#include <vector>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

// The mock's records behind paging styles of real APIs, so the engine's POINTER,
// CONTINUATION_TOKEN and PAGE pagination meet what they meet in the wild:
//   GET /v1/customers?limit=10&starting_after=ID
//       Stripe: {"object":"list","url","has_more","data":[…]}; the next page starts after
//       the last id read. An unknown id is a 400.
//   GET /api/v2/users?page[size]=100&page[after]=CURSOR
//       Zendesk cursor pagination: {"users":[…], "meta":{"has_more","after_cursor",
//       "before_cursor"}, "links":{"prev","next"}}. links.next is an absolute URL, null on the
//       last page, whose after_cursor is still set (as in Adobe's example); past the end the
//       page is empty and its cursors null. An unknown cursor is a 400.
//   GET /api/items?pageNumber=1&pageSize=10
//       Numbered pages from 1, {"items":[…]}, with X-PageCount (the number of pages) and
//       X-Total-Count headers; a page past the last is empty, page 0 is a 400.
//   GET /api/feed?cursor=CURSOR
//       A broken feed: two entries a page, and a next_cursor that never moves. Each answer
//       carries the time it was made, so only the cursor repeats, never the whole page.
namespace hw::test::mock {

// The answer for one of the paths above, or nullopt for any other path.
std::optional<Response> paging_route(const UpstreamRequest& request, const Target& target,
                                     const std::vector<MockRecord>& records);

}  // namespace hw::test::mock
