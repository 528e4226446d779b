#pragma once
#include <optional>
#include <vector>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

// Zendesk's search export, the endpoint of Adobe's ADVANCE scheduling example:
//   GET /api/v2/search/export?query=EXPR&filter[type]=user&page[size]=100&page[after]=CURSOR
//       {"results":[{"id","url","name","email","created_at","updated_at","result_type"}],
//        "facets":null, "meta":{"has_more","after_cursor","before_cursor"},
//        "links":{"prev","next"}}
// filter[type] must be "user" and query is required. EXPR is whitespace-separated terms:
// `type:user`, `updated>T` and `updated<T` (also written `updated > T`), which keep the
// members whose last_changed is strictly after or before T (a time parse_timestamp reads).
// Any other term, or a T that does not parse, is a 400 naming it, so a placeholder left
// unfilled never passes. Results come in the members' order; the last page keeps its
// after_cursor beside has_more false, as in Adobe's example. An unknown cursor is a 400.
namespace hw::test::mock {

// The answer for the path above, or nullopt for any other path.
std::optional<Response> search_route(const UpstreamRequest& request, const Target& target,
                                     const std::vector<MockRecord>& records);

}  // namespace hw::test::mock
