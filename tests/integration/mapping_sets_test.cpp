// Data Prep mapping sets over HTTP: Data Prep's own shapes (create answers the
// SimpleRepresentation, GET answers the set itself, lists answer MapperSetPage), every
// invalid mapping reported with its path, and one (org, sandbox) per set.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include "util/regex.hpp"
#include <set>
#include <string>
#include <vector>

#include "integration/spec_api_fixture.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kMappingSets = "/data/foundation/conversion/mappingSets";

// data-prep.yaml's MappingSet example, with the "id": null and "version": 0 that Adobe's
// tutorials send.
std::string mapping_set_body(std::string_view name = "members to XDM") {
  return boost::json::serialize(boost::json::object{
      {"id", nullptr},
      {"version", 0},
      {"name", name},
      {"xdmSchema", "https://ns.adobe.com/tenant/schemas/89abc189258b1cb1a816d8f2"},
      {"mappings", boost::json::parse(R"([
          {"sourceType": "ATTRIBUTE", "source": "email.email_id", "destination": "_id",
           "name": "id", "description": "Identifier field"},
          {"sourceType": "ATTRIBUTE", "source": "email.merge_fields.FNAME",
           "destination": "person.name.firstName"},
          {"sourceType": "CONSTANT", "source": "mailchimp", "destination": "_tenant.origin"}
      ])")}});
}

// The body of the first curl request in `doc` that posts mappings.
std::string mappings_request_in(const std::string& doc) {
  for (std::size_t nth = 0;; ++nth) {
    auto body = extract_curl_body(doc, nth);
    if (body.find("\"mappings\"") != std::string::npos) return body;
  }
}

class MappingSetsTest : public ServerTest {
 protected:
  boost::json::object create(const std::string& body) {
    const auto response = require_status(client_.post(kMappingSets, body), 201);
    auto created = response.json().as_object();
    EXPECT_EQ(response.headers.at("Location"), join(kMappingSets, str(created, "id")));
    return created;
  }

  std::string create_named(std::string_view name) {
    return str(create(mapping_set_body(name)), "id");
  }

  // Every id a list visits by following `_links.next` from `first`.
  std::vector<std::string> ids_paging_from(const std::string& first) {
    std::vector<std::string> ids;
    std::string url = first;
    while (true) {
      const auto page = require_status(client_.get(url), 200).json().as_object();
      for (const auto& set : page.at("data").as_array()) ids.push_back(str(set, "id"));
      const auto& links = page.at("_links").as_object();
      if (!links.contains("next")) return ids;
      url = str(links.at("next"), "href");
    }
  }
};

TEST_F(MappingSetsTest, CreateAnswersDataPrepsSimpleRepresentation) {
  const auto created = create(mapping_set_body());
  std::set<std::string> keys;
  for (const auto& member : created) keys.emplace(member.key());
  EXPECT_EQ(keys, (std::set<std::string>{"id", "version", "createdDate", "modifiedDate",
                                         "createdBy", "modifiedBy"}));
  EXPECT_TRUE(std::regex_match(str(created, "id"), std::regex("[0-9a-f]{32}")))
      << str(created, "id");
  EXPECT_EQ(created.at("version").to_number<int>(), 0);
  EXPECT_GT(created.at("createdDate").to_number<std::int64_t>(), 1'600'000'000'000);
  EXPECT_EQ(created.at("modifiedDate"), created.at("createdDate"));
}

TEST_F(MappingSetsTest, GetAnswersTheStoredSetItself) {
  const auto created = create(mapping_set_body());
  const auto response = require_status(client_.get(join(kMappingSets, str(created, "id"))), 200);
  const auto set = response.json().as_object();
  for (const auto* key : {"id", "version", "createdDate", "modifiedDate", "createdBy"})
    EXPECT_EQ(set.at(key), created.at(key)) << key;
  const auto sent = boost::json::parse(mapping_set_body()).as_object();
  EXPECT_EQ(set.at("mappings"), sent.at("mappings"));
  EXPECT_EQ(set.at("name"), sent.at("name"));
  EXPECT_EQ(set.at("xdmSchema"), sent.at("xdmSchema"));
  EXPECT_FALSE(set.contains("items"));
}

TEST_F(MappingSetsTest, GetTakesOnlyTheExistingVersion) {
  const auto id = create_named("versioned");
  EXPECT_EQ(client_.get(join(kMappingSets, id) + "?version=0").status, 200);
  expect_error(client_.get(join(kMappingSets, id) + "?version=1"), 404, "NOT_FOUND");
  const auto bad = client_.get(join(kMappingSets, id) + "?version=x");
  expect_error(bad, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(bad, "query.version"));
}

TEST_F(MappingSetsTest, AdobesZendeskTutorialRequestIsAccepted) {
  // It maps result.verified twice, word for word.
  const auto doc = read_file(shared_path(
      "reference/adobe-docs/flow-service/sources__tutorials__api__create__customer-success__"
      "zendesk.md"));
  const auto id = str(create(mappings_request_in(doc)), "id");
  const auto set = require_status(client_.get(join(kMappingSets, id)), 200).json();
  EXPECT_EQ(set.at("mappings").as_array().size(), 35U);
}

TEST_F(MappingSetsTest, InvalidMappingsAreRefusedWithEveryPath) {
  const auto response = client_.post(kMappingSets, R"json({"mappings": [
      {"sourceType": "ATTRIBUTE", "source": "a", "destination": "person.name"},
      {"sourceType": "EXPRESSION", "source": "lower(a)", "destination": "x"},
      {"sourceType": "ATTRIBUTE", "source": "items[x]", "destination": "y"},
      {"sourceType": "ATTRIBUTE", "source": "b", "destination": ""},
      {"sourceType": "ATTRIBUTE", "source": "c", "destination": "person.name.first"},
      {"sourceType": "ATTRIBUTE", "source": "d", "destination": "person.name"}
  ]
})json");
  expect_error(response, 400, "INVALID_REQUEST");
  EXPECT_EQ(error_paths(response),
            (std::vector<std::string>{"mappings[1].sourceType", "mappings[2].source",
                                      "mappings[3].destination", "mappings[4].destination",
                                      "mappings[5].destination"}));
  EXPECT_NE(error_message_at(response, "mappings[1].sourceType").find("ATTRIBUTE"),
            std::string::npos);
  EXPECT_NE(error_message_at(response, "mappings[5].destination").find("mappings[0]"),
            std::string::npos);
  EXPECT_EQ(require_status(client_.get(kMappingSets), 200).json().at("data").as_array().size(), 0U);
}

TEST_F(MappingSetsTest, ABodyWithoutMappingsIsRefused) {
  const auto missing = client_.post(kMappingSets, R"({"name": "no mappings"})");
  expect_error(missing, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(missing, "mappings"));
  expect_error(client_.post(kMappingSets, "[]"), 400, "INVALID_REQUEST");
}

TEST_F(MappingSetsTest, UnknownIdIs404) {
  expect_error(client_.get(join(kMappingSets, "0123456789abcdef0123456789abcdef")), 404,
               "NOT_FOUND");
}

TEST_F(MappingSetsTest, ListIsAMapperSetPage) {
  const auto id = create_named("only");
  const auto page = require_status(client_.get(kMappingSets), 200).json().as_object();
  ASSERT_EQ(page.at("data").as_array().size(), 1U);
  EXPECT_EQ(str(page.at("data").as_array().front(), "id"), id);
  EXPECT_EQ(page.at("data").as_array().front().at("mappings").as_array().size(), 3U);
  EXPECT_EQ(page.at("_page"), boost::json::parse(R"({"count": 1, "limit": 10})"));
  EXPECT_EQ(page.at("_links"), boost::json::object());
}

TEST_F(MappingSetsTest, ListPagesWithLimitAndStart) {
  std::set<std::string> created;
  for (const auto* name : {"a", "b", "c", "d", "e"}) created.insert(create_named(name));
  const auto first = require_status(client_.get(std::string(kMappingSets) + "?limit=2"), 200);
  EXPECT_EQ(first.json().at("_page"), boost::json::parse(R"({"count": 2, "limit": 2})"));
  const auto ids = ids_paging_from(std::string(kMappingSets) + "?limit=2");
  EXPECT_EQ(ids.size(), 5U);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), created);
  const auto last =
      require_status(client_.get(std::string(kMappingSets) + "?limit=2&start=4"), 200);
  EXPECT_EQ(last.json().at("data").as_array().size(), 1U);
}

TEST_F(MappingSetsTest, ListFiltersByNameAndSorts) {
  const auto wanted = create_named("wanted");
  create_named("other");
  const auto page =
      require_status(client_.get(std::string(kMappingSets) + "?name=wanted"), 200).json();
  ASSERT_EQ(page.at("data").as_array().size(), 1U);
  EXPECT_EQ(str(page.at("data").as_array().front(), "id"), wanted);
  for (const auto* order : {"-createdDate", "%2BcreatedDate", "updatedDate", "+updatedDate"}) {
    const auto sorted = client_.get(std::string(kMappingSets) + "?orderBy=" + order);
    EXPECT_EQ(sorted.status, 200) << order << ": " << sorted.body;
  }
  const auto bad = client_.get(std::string(kMappingSets) + "?orderBy=name");
  expect_error(bad, 400, "INVALID_REQUEST");
  EXPECT_TRUE(has_error_at(bad, "query.orderBy"));
  EXPECT_TRUE(has_error_at(client_.get(std::string(kMappingSets) + "?limit=0"), "query.limit"));
}

TEST_F(MappingSetsTest, AnotherOrgNeitherReadsNorListsTheSet) {
  const auto id = create_named("org A's");
  HttpClient other(server_.base_url());
  other.set_org("ORGB@AdobeOrg");
  expect_error(other.get(join(kMappingSets, id)), 404, "NOT_FOUND");
  EXPECT_EQ(require_status(other.get(kMappingSets), 200).json().at("data").as_array().size(), 0U);
  HttpClient sandbox(server_.base_url());
  sandbox.set_sandbox("dev");
  expect_error(sandbox.get(join(kMappingSets, id)), 404, "NOT_FOUND");
  EXPECT_EQ(client_.get(join(kMappingSets, id)).status, 200);
}

TEST_F(MappingSetsTest, AdobeHeadersAreRequired) {
  expect_error(client_.get(kMappingSets, {{"Authorization", ""}}), 401, "UNAUTHORIZED");
  expect_error(client_.post(kMappingSets, mapping_set_body(), {{"x-gw-ims-org-id", ""}}), 403,
               "FORBIDDEN");
}

}  // namespace
}  // namespace hw::test
