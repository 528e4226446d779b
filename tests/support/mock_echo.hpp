#pragma once
#include <optional>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"
#include "support/mock_upstream.hpp"

// An API that quotes the credentials it refuses, as many real ones do ("invalid api key
// sk_live_…", request echoes): any method on any path under /echo/ answers 401 with
//   {"title":"Unauthorized","status":401,"detail":"invalid credentials: …"}
// where … lists, joined by ", ", what the request carried: `Authorization '<header>'`
// (then ` (<user:password>)` decoded from Basic), `<api_key_header> '<value>'`,
// `apikey '<query value>'`; or "none". A spec reaches it by putting /echo in its host.
namespace hw::test::mock {

// The answer for a path under /echo/, or nullopt for any other path.
std::optional<Response> echo_route(const UpstreamRequest& request, const Target& target,
                                   const MockUpstreamOptions& options);

}  // namespace hw::test::mock
