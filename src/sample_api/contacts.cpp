#include "sample_api/contacts.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "json/serialize.hpp"
#include "sample_api/utc_time.hpp"

namespace hw::sample_api {
namespace {

using std::chrono::sys_seconds;

constexpr std::array<std::string_view, 10> kFirstNames = {
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Linus"};
constexpr std::array<std::string_view, 10> kLastNames = {
    "Lovelace", "Hopper", "Turing",   "Dijkstra", "Liskov",
    "Knuth",    "Allen",  "Thompson", "Hamilton", "Torvalds"};
constexpr std::array<std::string_view, 3> kPlans = {"free", "pro", "enterprise"};
constexpr std::int64_t kSecondsPerHour = 3600;

constexpr sys_seconds kFirstUpdate = std::chrono::sys_days(std::chrono::year(2024) / 1 / 1);

std::string padded_id(std::size_t i) {
  std::string digits = std::to_string(i);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return "c-" + digits;
}

// The smallest whole h with h >= seconds / 3600.
std::int64_t hours_rounded_up(std::int64_t seconds) {
  return seconds >= 0 ? (seconds + kSecondsPerHour - 1) / kSecondsPerHour
                      : -(-seconds / kSecondsPerHour);
}

// Contact i is updated i - 1 hours after the first, so the contacts updated at or after `t`
// are those from index (0-based) hours_rounded_up(t - first) on.
std::size_t first_index_at_or_after(sys_seconds t, std::size_t count) {
  const std::int64_t hours = hours_rounded_up((t - kFirstUpdate).count());
  return static_cast<std::size_t>(
      std::clamp<std::int64_t>(hours, 0, static_cast<std::int64_t>(count)));
}

boost::json::object to_object(const Contact& c) {
  return {{"id", c.id},
          {"email", c.email},
          {"first_name", c.first_name},
          {"last_name", c.last_name},
          {"plan", c.plan},
          {"updated_at", c.updated_at}};
}

}  // namespace

Contact contact(std::size_t i) {
  const std::size_t n = i - 1;
  return {padded_id(i),
          "contact" + std::to_string(i) + "@example.com",
          std::string(kFirstNames[n % 10]),
          std::string(kLastNames[n / 10 % 10]),
          std::string(kPlans[n % 3]),
          format_utc(kFirstUpdate + std::chrono::hours(n))};
}

ContactPage find_contacts(std::size_t count, const ContactQuery& query) {
  const std::size_t begin =
      query.updated_after ? first_index_at_or_after(*query.updated_after, count) : 0;
  const std::size_t end =
      query.updated_before ? first_index_at_or_after(*query.updated_before, count) : count;
  ContactPage page{{}, query.offset, query.limit, end > begin ? end - begin : 0};
  if (query.offset >= page.total) return page;
  const std::size_t first = begin + query.offset;
  const std::size_t last = first + std::min(query.limit, page.total - query.offset);
  for (std::size_t n = first; n < last; ++n) page.contacts.push_back(contact(n + 1));
  return page;
}

std::string to_json(const ContactPage& page) {
  boost::json::array contacts;
  for (const auto& c : page.contacts) contacts.push_back(to_object(c));
  return hw::json::serialize(boost::json::object{{"contacts", std::move(contacts)},
                                                 {"offset", page.offset},
                                                 {"limit", page.limit},
                                                 {"total", page.total}});
}

}  // namespace hw::sample_api
