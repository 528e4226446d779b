// The sample API's data set, its filters and paging, and its query parameters: the exact
// records the batch tutorial shows.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "sample_api/contact_query.hpp"
#include "sample_api/contacts.hpp"
#include "sample_api/utc_time.hpp"

namespace hw::sample_api {
namespace {

using std::chrono::sys_seconds;

sys_seconds at(const char* text) {
  const auto t = parse_utc(text);
  if (!t) throw std::invalid_argument(std::string("not a UTC time: ") + text);
  return *t;
}

std::vector<std::string> ids(const ContactPage& page) {
  std::vector<std::string> out;
  for (const auto& c : page.contacts) out.push_back(c.id);
  return out;
}

// "c-0012" … "c-0020"
std::vector<std::string> id_range(std::size_t first, std::size_t last) {
  std::vector<std::string> out;
  for (std::size_t i = first; i <= last; ++i) out.push_back(contact(i).id);
  return out;
}

void expect_contact(const Contact& c, const char* id, const char* email, const char* first,
                    const char* last, const char* plan, const char* updated_at) {
  EXPECT_EQ(c.id, id);
  EXPECT_EQ(c.email, email);
  EXPECT_EQ(c.first_name, first);
  EXPECT_EQ(c.last_name, last);
  EXPECT_EQ(c.plan, plan);
  EXPECT_EQ(c.updated_at, updated_at);
}

TEST(SampleApiContacts, RecordsAreFixed) {
  expect_contact(contact(1), "c-0001", "contact1@example.com", "Ada", "Lovelace", "free",
                 "2024-01-01T00:00:00Z");
  expect_contact(contact(2), "c-0002", "contact2@example.com", "Grace", "Lovelace", "pro",
                 "2024-01-01T01:00:00Z");
  expect_contact(contact(12), "c-0012", "contact12@example.com", "Grace", "Hopper", "enterprise",
                 "2024-01-01T11:00:00Z");
  expect_contact(contact(120), "c-0120", "contact120@example.com", "Linus", "Hopper", "enterprise",
                 "2024-01-05T23:00:00Z");
  expect_contact(contact(100000), "c-100000", "contact100000@example.com", "Linus", "Torvalds",
                 "free", "2035-05-29T15:00:00Z");
}

TEST(SampleApiContacts, PageJsonIsExact) {
  ContactQuery query;
  query.offset = 1;
  query.limit = 1;
  EXPECT_EQ(to_json(find_contacts(120, query)),
            R"({"contacts":[{"id":"c-0002","email":"contact2@example.com","first_name":"Grace",)"
            R"("last_name":"Lovelace","plan":"pro","updated_at":"2024-01-01T01:00:00Z"}],)"
            R"("offset":1,"limit":1,"total":120})");
  query.offset = 120;
  EXPECT_EQ(to_json(find_contacts(120, query)),
            R"({"contacts":[],"offset":120,"limit":1,"total":120})");
}

TEST(SampleApiContacts, PagesAreSlicesInIdOrder) {
  ContactQuery query;
  auto page = find_contacts(120, query);
  EXPECT_EQ(ids(page), id_range(1, 50));
  EXPECT_EQ(page.offset, 0u);
  EXPECT_EQ(page.limit, 50u);
  EXPECT_EQ(page.total, 120u);
  query.offset = 100;
  page = find_contacts(120, query);
  EXPECT_EQ(ids(page), id_range(101, 120));
  EXPECT_EQ(page.total, 120u);
  query.offset = 7;
  query.limit = 3;
  EXPECT_EQ(ids(find_contacts(120, query)), id_range(8, 10));
  query.offset = kMaxOffset;
  page = find_contacts(120, query);
  EXPECT_TRUE(page.contacts.empty());
  EXPECT_EQ(page.total, 120u);
  EXPECT_EQ(ids(find_contacts(3, ContactQuery{})), id_range(1, 3));
}

TEST(SampleApiContacts, FiltersKeepAfterInclusiveBeforeExclusive) {
  ContactQuery query;
  query.updated_after = at("2024-01-02T00:00:00Z");
  auto page = find_contacts(120, query);
  EXPECT_EQ(page.total, 96u);
  EXPECT_EQ(ids(page), id_range(25, 74));

  query = {};
  query.updated_before = at("2024-01-02T00:00:00Z");
  page = find_contacts(120, query);
  EXPECT_EQ(page.total, 24u);
  EXPECT_EQ(ids(page), id_range(1, 24));

  // Between hours: 10:30 keeps 11:00 (c-0012) on; 20:00 stops before c-0021.
  query.updated_after = at("2024-01-01T10:30:00Z");
  query.updated_before = at("2024-01-01T20:00:00Z");
  page = find_contacts(120, query);
  EXPECT_EQ(page.total, 9u);
  EXPECT_EQ(ids(page), id_range(12, 20));
  query.offset = 5;
  query.limit = 2;
  EXPECT_EQ(ids(find_contacts(120, query)), id_range(17, 18));
}

TEST(SampleApiContacts, FiltersOutsideTheDataSet) {
  ContactQuery query;
  query.updated_after = at("1970-01-01T00:00:00Z");
  query.updated_before = at("2100-01-01T00:00:00Z");
  EXPECT_EQ(find_contacts(120, query).total, 120u);
  query.updated_after = at("2024-01-05T23:00:01Z");
  EXPECT_EQ(find_contacts(120, query).total, 0u);
  query = {};
  query.updated_before = at("2024-01-01T00:00:00Z");
  EXPECT_EQ(find_contacts(120, query).total, 0u);
  query.updated_after = at("2024-01-02T00:00:00Z");
  query.updated_before = at("2024-01-01T12:00:00Z");
  const auto page = find_contacts(120, query);
  EXPECT_EQ(page.total, 0u);
  EXPECT_TRUE(page.contacts.empty());
}

TEST(SampleApiUtcTime, ParsesAndFormatsOneExactFormat) {
  EXPECT_EQ(format_utc(at("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
  EXPECT_EQ(format_utc(at("0001-01-01T00:00:00Z")), "0001-01-01T00:00:00Z");
  EXPECT_EQ(at("1970-01-01T00:00:10Z").time_since_epoch().count(), 10);
  for (const char* bad : {"", "2024-01-01", "2024-01-01T00:00:00", "2024-01-01T00:00:00z",
                          "2024-01-01 00:00:00Z", "2024-01-01T00:00:00+00:00",
                          "2024-01-01T00:00:00.000Z", "2024-1-01T00:00:00Z", "2023-02-29T00:00:00Z",
                          "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-01T24:00:00Z",
                          "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "+024-01-01T00:00:00Z"})
    EXPECT_FALSE(parse_utc(bad).has_value()) << bad;
}

std::string problem(const http::Fields& fields) {
  const auto parsed = parse_contact_query(fields);
  const auto* message = std::get_if<std::string>(&parsed);
  return message ? *message : "(accepted)";
}

TEST(SampleApiContactQuery, DefaultsAndValues) {
  auto parsed = parse_contact_query({{"other", "x"}});
  ASSERT_TRUE(std::holds_alternative<ContactQuery>(parsed));
  auto q = std::get<ContactQuery>(parsed);
  EXPECT_EQ(q.offset, 0u);
  EXPECT_EQ(q.limit, 50u);
  EXPECT_FALSE(q.updated_after);
  EXPECT_FALSE(q.updated_before);

  parsed = parse_contact_query({{"offset", "1000000000"},
                                {"limit", "100"},
                                {"updated_after", "2024-01-01T10:00:00Z"},
                                {"updated_before", "2024-01-02T00:00:00Z"}});
  ASSERT_TRUE(std::holds_alternative<ContactQuery>(parsed)) << std::get<std::string>(parsed);
  q = std::get<ContactQuery>(parsed);
  EXPECT_EQ(q.offset, 1000000000u);
  EXPECT_EQ(q.limit, 100u);
  EXPECT_EQ(q.updated_after, at("2024-01-01T10:00:00Z"));
  EXPECT_EQ(q.updated_before, at("2024-01-02T00:00:00Z"));
  EXPECT_EQ(std::get<ContactQuery>(parse_contact_query({{"limit", "1"}})).limit, 1u);
}

TEST(SampleApiContactQuery, BadParametersAreNamed) {
  const std::string offset = "offset: must be a whole number from 0 to 1000000000";
  const std::string limit = "limit: must be a whole number from 1 to 100";
  const std::string time =
      ": must be a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-01-01T00:00:00Z";
  EXPECT_EQ(problem({{"offset", "-1"}}), offset);
  EXPECT_EQ(problem({{"offset", "abc"}}), offset);
  EXPECT_EQ(problem({{"offset", ""}}), offset);
  EXPECT_EQ(problem({{"offset", "+5"}}), offset);
  EXPECT_EQ(problem({{"offset", "1000000001"}}), offset);
  EXPECT_EQ(problem({{"offset", "99999999999999999999999"}}), offset);
  EXPECT_EQ(problem({{"limit", "0"}}), limit);
  EXPECT_EQ(problem({{"limit", "101"}}), limit);
  EXPECT_EQ(problem({{"limit", "1.5"}}), limit);
  EXPECT_EQ(problem({{"limit", " 5"}}), limit);
  EXPECT_EQ(problem({{"updated_after", "2024-01-01"}}), "updated_after" + time);
  EXPECT_EQ(problem({{"updated_after", "2024-02-30T00:00:00Z"}}), "updated_after" + time);
  EXPECT_EQ(problem({{"updated_before", "2024-01-01T24:00:00Z"}}), "updated_before" + time);
  EXPECT_EQ(problem({{"offset", "1"}, {"offset", "2"}}), "offset: given more than once");
  EXPECT_EQ(problem({{"updated_before", "2024-01-01T00:00:00Z"},
                     {"updated_before", "2024-01-01T00:00:00Z"}}),
            "updated_before: given more than once");
}

}  // namespace
}  // namespace hw::sample_api
