// The sourceSpec examples of Adobe's config__sourcespec.md, each run end to end as the docs
// write it: the example's JSON is read from the document (never copied here), put in a
// connection spec, registered, added to RestStorageToAEP and run through the HTTP API
// against the in-process mock upstream; the records are read back through the Data Access
// API. Where an example cannot run as written, the adaptation is made and explained where
// the example is read (and recorded in docs/decisions.md).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "integration/run_fixture.hpp"
#include "support/doc_fragments.hpp"
#include "support/mock_query.hpp"
#include "support/mock_timestamp.hpp"

namespace hw::test {
namespace {

using std::chrono::milliseconds;

// ---- the document's examples -----------------------------------------------------------

const std::string& sourcespec_doc() {
  static const std::string doc =
      read_file(shared_path("reference/adobe-docs/config__sourcespec.md"));
  return doc;
}

// The document's `key` fragment that `matches`; throws when it has none, so a change to the
// docs fails the test instead of checking something else.
boost::json::object doc_fragment(std::string_view key,
                                 const std::function<bool(const boost::json::object&)>& matches) {
  for (const auto& fragment : json_fragments(sourcespec_doc(), key))
    if (fragment.is_object() && matches(fragment.as_object())) return fragment.as_object();
  throw std::runtime_error("config__sourcespec.md has no such '" + std::string(key) + "' example");
}

bool has_type(const boost::json::object& fragment, std::string_view type) {
  const auto* value = fragment.if_contains("type");
  return value && value->is_string() && value->get_string() == type;
}

// "Configure different pagination types": the example of `type`.
boost::json::object pagination_example(std::string_view type) {
  return doc_fragment("paginationParams",
                      [&](const boost::json::object& p) { return has_type(p, type); });
}

// "Source specification example": the completed MailChimp Members sourceSpec.
boost::json::object members_source_spec() {
  return doc_fragment("sourceSpec", [](const boost::json::object& s) {
    return s.at("attributes").as_object().contains("urlParams");
  });
}

// The `example` the sourceSpec schema at the top of the document gives for
// urlParams/contentPath/explodeEntityPath.<field>.
std::string schema_example(std::string_view property, std::string_view field) {
  const auto schema = doc_fragment("sourceSpec", [](const boost::json::object& s) {
    return s.at("attributes").as_object().contains("spec");
  });
  const auto& properties = schema.at("attributes").at("spec").at("properties");
  return str(properties.at(property).at("properties").at(field), "example");
}

// ---- times in the docs' formats ----------------------------------------------------------

std::string utc(std::int64_t epoch_ms, const char* pattern) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  return std::string(text, std::strftime(text, sizeof text, pattern, &parts));
}

// yyyy-MM-ddTHH:mm:ssK of a UTC time.
std::string utc_seconds(std::int64_t epoch_ms) {
  return utc(epoch_ms, "%Y-%m-%dT%H:%M:%SZ");
}

// yyyy-MM-ddTHH:mm:ss:fffffffK of a UTC time: seven digits of fraction (100 ns ticks).
std::string utc_ticks(std::int64_t epoch_ms) {
  const std::string ticks = std::to_string(epoch_ms % 1000 * 10000 + 10000000).substr(1);
  return utc(epoch_ms, "%Y-%m-%dT%H:%M:%S:") + ticks + "Z";
}

class DocExamplesTest : public RunTest {
 protected:
  // The docs' MailChimp connection spec (api__connection-specs.md) carrying `source_spec`,
  // registered and added to RestStorageToAEP: flow_with's flows read it from now on.
  void use_source_spec(std::string_view name, boost::json::object source_spec) {
    auto spec = parse_object(mailchimp_create_body());
    spec["name"] = name;
    spec["sourceSpec"] = std::move(source_spec);
    spec_id_ = str(create_connection_spec(boost::json::serialize(spec)), "id");
    require_status(add_source(kRestStorageToAep, spec_id_), 200);
  }

  // The MailChimp Members example as written but for its host, MailChimp's own
  // (https://{domain}.api.mailchimp.com), which becomes the mock's.
  boost::json::object members_example() const {
    auto source_spec = members_source_spec();
    attributes_of(source_spec)["urlParams"].as_object()["host"] = upstream_.base_url();
    return source_spec;
  }

  // A Zendesk users source made of the document's Zendesk examples: the urlParams of
  // "Advanced scheduling", the CONTINUATION_TOKEN pagination and the ADVANCE scheduleParams.
  // The examples give no contentPath; the response example holds the users at `results`.
  // The example's path ends in `@{if(empty(coalesce(pipeline()?.parameters?.ingestionStart,
  // ''))…)}`, an expression of Adobe's hosted pipeline that no engine here evaluates; on a
  // first run it would add `query=type:user&filter[type]=user`, which the queryParams send
  // anyway (with the backfill query). The path is its literal part, /api/v2/search/export.
  static boost::json::object zendesk_example() {
    auto source_spec = members_source_spec();
    auto url = doc_fragment("urlParams", [](const boost::json::object& u) {
      return u.contains("queryParams") && str(u, "path").starts_with("/api/v2/search/export");
    });
    const std::string path = str(url, "path");
    url["path"] = path.substr(0, path.find("@{"));
    auto& attributes = attributes_of(source_spec);
    attributes["urlParams"] = std::move(url);
    attributes["contentPath"] = "$.results";
    attributes["paginationParams"] = pagination_example("CONTINUATION_TOKEN");
    attributes["scheduleParams"] = doc_fragment(
        "scheduleParams", [](const boost::json::object& s) { return has_type(s, "ADVANCE"); });
    return source_spec;
  }

  static boost::json::object& attributes_of(boost::json::object& source_spec) {
    return source_spec["attributes"].as_object();
  }

  boost::json::object run(std::string_view flow) { return finished_run(start_run(flow)); }

  std::vector<boost::json::object> landed(const boost::json::object& run) {
    return batch_records(str(run.at("activities").at(0), "id"));
  }

  static std::string status(const boost::json::object& run) {
    return str(run.at("metrics").at("statusSummary"), "status");
  }

  static std::int64_t pages(const boost::json::object& run) {
    return run.at("activities").at(0).at("statusSummary").at("extensions").at("pages").as_int64();
  }

  static std::int64_t window(const boost::json::object& run, std::string_view end) {
    return run.at("window").at(end).to_number<std::int64_t>();
  }

  // The decoded path and query of every request the mock received, from the `from`-th on.
  std::vector<mock::Target> sent(std::size_t from = 0) const {
    std::vector<mock::Target> out;
    const auto requests = upstream_.requests();
    for (std::size_t i = from; i < requests.size(); ++i)
      out.push_back(mock::parse_target(requests[i].target));
    return out;
  }

  // Member i as the Members example lands it: under `member`, without `list_id`.
  boost::json::object member(std::size_t i) const {
    const auto& record = upstream_.records().at(i);
    const std::string n = std::to_string(i);
    return {{"member",
             {{"id", record.id},
              {"email_address", record.email},
              {"status", record.status},
              {"last_changed", mock::format_timestamp(record.last_changed_ms)},
              {"merge_fields", {{"FNAME", "First" + n}, {"LNAME", "Last" + n}}}}}};
  }

  // Member i as the mock's search export answers it, and the Zendesk source lands it.
  boost::json::object user(std::size_t i) const {
    const auto& record = upstream_.records().at(i);
    const std::string n = std::to_string(i);
    const std::string at = mock::format_timestamp(record.last_changed_ms);
    return {{"id", record.id},
            {"url", upstream_.base_url() + "/api/v2/users/" + record.id + ".json"},
            {"name", "First" + n + " Last" + n},
            {"email", record.email},
            {"created_at", at},
            {"updated_at", at},
            {"result_type", "user"}};
  }

  std::vector<boost::json::object> users(std::size_t from, std::size_t to) const {
    std::vector<boost::json::object> out;
    for (std::size_t i = from; i < to; ++i) out.push_back(user(i));
    return out;
  }
};

TEST_F(DocExamplesTest, TheMailChimpMembersExampleLandsEveryMemberOnceByOffset) {
  use_source_spec("MailChimp Members", members_example());
  const auto done = run(flow_with("s3cret"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  std::vector<boost::json::object> expected;
  for (std::size_t i = 0; i < 250; ++i) expected.push_back(member(i));
  EXPECT_EQ(landed(done), expected);
  EXPECT_EQ(count(done, "inputRecordCount"), 250);
  EXPECT_EQ(count(done, "outputRecordCount"), 250);
  EXPECT_EQ(pages(done), 3);  // count=100: 100, 100, then a short page of 50 ends the run
  const auto requests = sent();
  ASSERT_EQ(requests.size(), 3U);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].path, "/3.0/lists/abc123/members");
    EXPECT_EQ(requests[i].query,
              (mock::QueryParams{{"count", "100"},
                                 {"offset", std::to_string(i * 100)},
                                 {"since_last_changed", "1970-01-01T00:00:00:0000000Z"},
                                 {"before_last_changed", utc_ticks(window(done, "end"))}}));
  }
}

TEST_F(DocExamplesTest, TheZendeskContinuationTokenExampleSpacesItsRequestsByDelayRequestMillis) {
  use_source_spec("Zendesk users", zendesk_example());
  const auto done = run(flow_with("s3cret"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  EXPECT_EQ(landed(done), users(0, 250));
  EXPECT_EQ(count(done, "outputRecordCount"), 250);
  // The mock's pages hold 100 users; the third says has_more false beside a cursor.
  EXPECT_EQ(pages(done), 3);
  const auto requests = sent();
  ASSERT_EQ(requests.size(), 3U);
  const std::vector<std::string> after{"", "c2VhcmNo100", "c2VhcmNo200"};  // the mock's cursors
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].path, "/api/v2/search/export");
    auto query = requests[i].query;
    EXPECT_EQ(query["filter[type]"], "user");
    EXPECT_EQ(query["page[after]"], after[i]);
  }
  const auto delay = std::stoi(str(pagination_example("CONTINUATION_TOKEN"), "delayRequestMillis"));
  const auto arrivals = upstream_.requests();
  for (std::size_t i = 1; i < arrivals.size(); ++i) {
    // Spaced where they leave the engine; arrival times add a little jitter either way.
    EXPECT_GE(arrivals[i].received - arrivals[i - 1].received, milliseconds(delay - 100))
        << "between requests " << i - 1 << " and " << i;
  }
}

TEST_F(DocExamplesTest, TheAdvanceExampleBackfillsFirstThenQueriesEachIncrementalWindow) {
  use_source_spec("Zendesk users", zendesk_example());
  const std::string flow = flow_with("s3cret");
  const auto first = run(flow);
  ASSERT_EQ(status(first), "success") << boost::json::serialize(first);
  const std::int64_t first_end = window(first, "end");
  EXPECT_EQ(window(first, "start"), 0);
  EXPECT_EQ(landed(first), users(0, 250));  // every member changed in 2023, before now
  const auto backfill = sent();
  ASSERT_EQ(backfill.size(), 3U);
  for (const auto& request : backfill)
    EXPECT_EQ(request.query.at("query"), "type:user updated < " + utc_seconds(first_end));

  // Three users change just after the first window. The next window's END_TIME has whole
  // seconds: it is past them once the clock has passed their second.
  const std::int64_t changed = first_end + 1;
  upstream_.add_records(3, changed);
  const auto next_second =
      std::chrono::system_clock::time_point(milliseconds(changed / 1000 * 1000 + 1000));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::system_clock::now() <= next_second &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(milliseconds(10));

  const auto second = run(flow);
  ASSERT_EQ(status(second), "success") << boost::json::serialize(second);
  EXPECT_EQ(window(second, "start"), first_end);
  EXPECT_EQ(landed(second), users(250, 253));
  EXPECT_EQ(count(second, "inputRecordCount"), 3);
  EXPECT_EQ(pages(second), 1);
  const auto incremental = sent(backfill.size());
  ASSERT_EQ(incremental.size(), 1U);
  EXPECT_EQ(incremental[0].query.at("query"), "type:user updated > " + utc_seconds(first_end) +
                                                  " updated < " +
                                                  utc_seconds(window(second, "end")));
}

TEST_F(DocExamplesTest, ThePageExampleEndsAtTheXPageCountHeader) {
  // The PAGE example in the Members example, whose path and content path become the mock's
  // page-numbered API: MailChimp's members are paged by offset, not by page.
  auto source_spec = members_example();
  auto& attributes = attributes_of(source_spec);
  attributes["urlParams"].as_object()["path"] = "/api/items";
  attributes["contentPath"].as_object()["path"] = "$.items";
  attributes["paginationParams"] = pagination_example("PAGE");
  use_source_spec("Numbered items", std::move(source_spec));
  const auto done = run(flow_with("s3cret"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  std::vector<boost::json::object> expected;
  for (const auto& record : upstream_.records())
    expected.push_back({{"member", {{"id", record.id}, {"email", record.email}}}});
  EXPECT_EQ(landed(done), expected);
  EXPECT_EQ(pages(done), 3);  // X-PageCount: 3, so no fourth, empty page is asked for
  const auto requests = sent();
  ASSERT_EQ(requests.size(), 3U);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].query.at("pageSize"), "100");
    EXPECT_EQ(requests[i].query.at("pageNumber"), std::to_string(i + 1));
  }
}

TEST_F(DocExamplesTest, TheExplodeEntityPathExampleLandsOneRecordPerEmailActivity) {
  // The schema's examples for the email-activity report. Its skipAttributes and
  // keepAttributes examples, the string "[total_items]", name a field of the page, not of
  // an email or an activity, and are left out.
  auto source_spec = members_example();
  auto& attributes = attributes_of(source_spec);
  attributes["urlParams"].as_object()["path"] = schema_example("urlParams", "path");
  attributes["contentPath"] = {
      {"path", schema_example("contentPath", "path")},
      {"overrideWrapperAttribute", schema_example("contentPath", "overrideWrapperAttribute")}};
  attributes["explodeEntityPath"] = {
      {"path", schema_example("explodeEntityPath", "path")},
      {"overrideWrapperAttribute",
       schema_example("explodeEntityPath", "overrideWrapperAttribute")}};
  use_source_spec("MailChimp email activity", std::move(source_spec));
  const auto done = run(flow_with("s3cret"));
  ASSERT_EQ(status(done), "success") << boost::json::serialize(done);
  // Email n of campaign "campaignId" (the example's path names it literally), with one
  // of its activities.
  const auto record = [](int n, std::string_view activity) {
    const std::string e = std::to_string(n);
    auto out = parse_object(R"({"email": {"campaign_id": "campaignId", "list_id": "L1",
        "list_is_active": true, "email_id": "e)" +
                            e + R"(", "email_address": "user)" + e +
                            R"(@example.com", "_links": [{"rel": "parent", "method": "GET"}]}})");
    out["email"].as_object()["activity"] = boost::json::parse(activity);
    return out;
  };
  EXPECT_EQ(landed(done), (std::vector<boost::json::object>{
                              record(0, R"({"action": "open", "type": "", "ip": "192.0.2.7",
                                  "timestamp": "2023-11-14T22:15:00+00:00"})"),
                              record(0, R"({"action": "click", "type": "", "ip": "192.0.2.7",
                                  "timestamp": "2023-11-14T22:20:00+00:00",
                                  "url": "https://example.com/offer"})"),
                              record(2, R"({"action": "bounce", "type": "hard", "ip": "192.0.2.7",
                                  "timestamp": "2023-11-14T22:14:00+00:00"})"),
                              record(3, R"({"action": "open", "type": "", "ip": "192.0.2.7",
                                  "timestamp": "2023-11-14T23:00:00+00:00"})"),
                              record(3, R"({"action": "open", "type": "", "ip": "192.0.2.7",
                                  "timestamp": "2023-11-15T08:30:00+00:00"})")}));
  EXPECT_EQ(count(done, "inputRecordCount"), 4);  // emails; e1 has no activity
  EXPECT_EQ(count(done, "outputRecordCount"), 5);
  EXPECT_EQ(pages(done), 1);
  const auto requests = sent();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].path, "/3.0/reports/campaignId/email-activity");
}

}  // namespace
}  // namespace hw::test
