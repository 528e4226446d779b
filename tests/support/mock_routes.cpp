#include "support/mock_routes.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "support/mock_activity.hpp"
#include "support/mock_auth.hpp"
#include "support/mock_echo.hpp"
#include "support/mock_members.hpp"
#include "support/mock_paging.hpp"
#include "support/mock_query.hpp"
#include "support/mock_search.hpp"

namespace hw::test::mock {
namespace {

constexpr std::string_view kPing = "/3.0/ping";
constexpr std::string_view kListsPrefix = "/3.0/lists/";
constexpr std::string_view kMembersSuffix = "/members";

Response unauthorized() {
  return problem(401, "API Key Invalid", "Your request did not include an API key.");
}

Response method_not_allowed(const std::string& method) {
  Response response = problem(405, "Method Not Allowed", method + " is not supported here.");
  response.headers.emplace_back("Allow", "GET");
  return response;
}

// The listId of /3.0/lists/{listId}/members, or nullopt for any other path.
std::optional<std::string> members_list_id(std::string_view path) {
  if (!path.starts_with(kListsPrefix) || !path.ends_with(kMembersSuffix)) return std::nullopt;
  path.remove_prefix(kListsPrefix.size());
  path.remove_suffix(std::min(path.size(), kMembersSuffix.size()));
  if (path.empty() || path.find('/') != std::string_view::npos) return std::nullopt;
  return std::string(path);
}

Response members(const QueryParams& query, const std::string& list_id,
                 const std::vector<MockRecord>& records, const MockUpstreamOptions& options) {
  auto parsed = parse_members_query(query, options.max_page);
  if (auto* error = std::get_if<Response>(&parsed)) return std::move(*error);
  return members_page(records, list_id, std::get<MembersQuery>(parsed));
}

}  // namespace

Response route(const UpstreamRequest& request, const std::vector<MockRecord>& records,
               const MockUpstreamOptions& options, OAuthServer& oauth) {
  const Target target = parse_target(request.target);
  if (target.path == kTokenPath) return oauth.token(request, target.query);
  if (auto echoed = echo_route(request, target, options)) return std::move(*echoed);
  if (!is_authorized(request, target.query, options) && !oauth.accepts(request))
    return unauthorized();
  if (auto paged = paging_route(request, target, records)) return std::move(*paged);
  if (auto found = search_route(request, target, records)) return std::move(*found);
  if (auto report = activity_route(request, target)) return std::move(*report);
  const auto list_id = members_list_id(target.path);
  if (target.path != kPing && !list_id) {
    return problem(404, "Resource Not Found", "The requested resource could not be found.");
  }
  if (request.method != "GET") return method_not_allowed(request.method);
  if (!list_id) return {200, R"({"health_status":"Everything's Chimpy!"})", {}};
  return members(target.query, *list_id, records, options);
}

}  // namespace hw::test::mock
