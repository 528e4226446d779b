#pragma once
#include "support/mock_query.hpp"
#include "support/mock_upstream.hpp"

namespace hw::test::mock {

// True when the request carries any credential the mock accepts:
//   Authorization: Basic base64(username:password)
//   Authorization: Bearer <api_key>   (MailChimp takes OAuth tokens this way)
//   <api_key_header>: <api_key>
//   ?apikey=<api_key>
bool is_authorized(const UpstreamRequest& request, const QueryParams& query,
                   const MockUpstreamOptions& options);

}  // namespace hw::test::mock
