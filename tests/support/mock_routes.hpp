#pragma once
#include <vector>

#include "support/mock_oauth.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test::mock {

// The mock's API as a plain function: the token endpoint of `oauth` (which checks its
// client itself), then credentials (MailChimp refuses an anonymous caller before looking
// at the path; the /echo/ routes of support/mock_echo.hpp refuse first), then GET /3.0/ping and
// GET /3.0/lists/{listId}/members; anything else is 404, another method 405.
Response route(const UpstreamRequest& request, const std::vector<MockRecord>& records,
               const MockUpstreamOptions& options, OAuthServer& oauth);

}  // namespace hw::test::mock
