#include "support/mock_activity.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace hw::test::mock {
namespace {

constexpr std::string_view kReportsPrefix = "/3.0/reports/";
constexpr std::string_view kActivitySuffix = "/email-activity";

// The campaignId of /3.0/reports/{campaignId}/email-activity, or "" for any other path.
std::string_view campaign_of(std::string_view path) {
  if (!path.starts_with(kReportsPrefix) || !path.ends_with(kActivitySuffix)) return {};
  path.remove_prefix(kReportsPrefix.size());
  path.remove_suffix(std::min(path.size(), kActivitySuffix.size()));
  return path.find('/') == std::string_view::npos ? path : std::string_view();
}

boost::json::object event(std::string_view action, std::string_view type,
                          std::string_view timestamp) {
  return {{"action", action}, {"type", type}, {"timestamp", timestamp}, {"ip", "192.0.2.7"}};
}

boost::json::array activities(std::size_t email) {
  switch (email) {
    case 0: {
      auto click = event("click", "", "2023-11-14T22:20:00+00:00");
      click["url"] = "https://example.com/offer";
      return {event("open", "", "2023-11-14T22:15:00+00:00"), std::move(click)};
    }
    case 2:
      return {event("bounce", "hard", "2023-11-14T22:14:00+00:00")};
    case 3:
      return {event("open", "", "2023-11-14T23:00:00+00:00"),
              event("open", "", "2023-11-15T08:30:00+00:00")};
    default:
      return {};
  }
}

boost::json::object email_json(std::string_view campaign, std::size_t i) {
  const std::string n = std::to_string(i);
  return {{"campaign_id", campaign},
          {"list_id", "L1"},
          {"list_is_active", true},
          {"email_id", "e" + n},
          {"email_address", "user" + n + "@example.com"},
          {"activity", activities(i)},
          {"_links", boost::json::array{{{"rel", "parent"}, {"method", "GET"}}}}};
}

std::size_t number_or(const QueryParams& query, const std::string& name, std::size_t fallback) {
  const auto it = query.find(name);
  std::size_t out = fallback;
  if (it != query.end())
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), out);
  return out;
}

}  // namespace

std::optional<Response> activity_route(const UpstreamRequest& request, const Target& target) {
  const std::string_view campaign = campaign_of(target.path);
  if (campaign.empty()) return std::nullopt;
  if (request.method != "GET") return problem(405, "Method Not Allowed", "Use GET.");
  constexpr std::size_t kEmails = 4;
  const std::size_t offset = std::min(number_or(target.query, "offset", 0), kEmails);
  const std::size_t end = std::min(kEmails, offset + number_or(target.query, "count", 10));
  boost::json::array emails;
  for (std::size_t i = offset; i < end; ++i) emails.push_back(email_json(campaign, i));
  const boost::json::object body{{"emails", std::move(emails)},
                                 {"campaign_id", campaign},
                                 {"total_items", kEmails},
                                 {"_links", boost::json::array()}};
  return Response{200, boost::json::serialize(body), {}};
}

}  // namespace hw::test::mock
