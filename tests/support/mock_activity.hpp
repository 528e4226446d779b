#pragma once
#include <optional>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

// MailChimp's email-activity report, the example Adobe's docs give for explodeEntityPath:
//   GET /3.0/reports/{campaignId}/email-activity?count=10&offset=0
//       {"emails":[{"campaign_id","list_id","list_is_active","email_id","email_address",
//       "activity":[{"action","type","timestamp","url"?,"ip"}],"_links"}],"campaign_id",
//       "total_items","_links"}
// The report always holds the same four emails: e0 (an open and a click), e1 (no activity),
// e2 (a hard bounce) and e3 (two opens). Other query parameters are ignored.
namespace hw::test::mock {

// The answer for the path above, or nullopt for any other path.
std::optional<Response> activity_route(const UpstreamRequest& request, const Target& target);

}  // namespace hw::test::mock
