#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.hpp"
#include "support/mock_timestamp.hpp"
#include "support/mock_upstream.hpp"
#include "support/raw_connection.hpp"

namespace hw::test {
namespace {

using namespace std::chrono_literals;
using Fault = MockUpstream::Fault;

constexpr const char* kMembers = "/3.0/lists/abc123/members";
constexpr const char* kPing = "/3.0/ping";

bool same_name(const std::string& a, const std::string& b) {
  return !CaseInsensitiveLess{}(a, b) && !CaseInsensitiveLess{}(b, a);
}

// HttpClient's Adobe headers dropped, so only the credentials a test names are sent.
HeaderList only(HeaderList headers) {
  HeaderList list = {
      {"Authorization", ""}, {"x-api-key", ""}, {"x-gw-ims-org-id", ""}, {"x-sandbox-name", ""}};
  for (auto& header : headers) {
    std::erase_if(list, [&](const auto& h) { return same_name(h.first, header.first); });
    list.push_back(std::move(header));
  }
  return list;
}

// base64("ann:s3cret"), the default credentials.
HeaderList basic_auth() {
  return only({{"Authorization", "Basic YW5uOnMzY3JldA=="}});
}

std::vector<std::string> ids(const boost::json::value& page) {
  std::vector<std::string> out;
  for (const auto& member : page.at("members").as_array()) {
    out.emplace_back(member.at("id").as_string());
  }
  return out;
}

class MockUpstreamTest : public ::testing::Test {
 protected:
  HttpResponse get(const std::string& path, const HeaderList& headers = basic_auth()) {
    return client.get(path, headers);
  }
  boost::json::value page(const std::string& query) {
    const HttpResponse response = get(std::string(kMembers) + "?" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }
  std::vector<std::string> window_ids(const std::string& since, const std::string& before) {
    return ids(page("count=1000&since_last_changed=" + since + "&before_last_changed=" + before));
  }

  MockUpstream mock;
  HttpClient client{mock.base_url()};
};

// --- paging and shape ---

TEST_F(MockUpstreamTest, OffsetPagingReturnsEveryMemberOnceInOrder) {
  std::vector<std::size_t> sizes;
  std::vector<std::string> all;
  for (int offset = 0; offset <= 300; offset += 100) {
    const auto body = page("count=100&offset=" + std::to_string(offset));
    EXPECT_EQ(body.at("total_items"), 250);
    const auto page_ids = ids(body);
    sizes.push_back(page_ids.size());
    all.insert(all.end(), page_ids.begin(), page_ids.end());
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50, 0}));
  ASSERT_EQ(all.size(), 250U);
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], "m" + std::to_string(i));
}

TEST_F(MockUpstreamTest, MembersHaveMailChimpsShape) {
  const auto body = page("count=1&offset=7");
  EXPECT_EQ(body.at("list_id"), "abc123");
  const boost::json::value expected = boost::json::parse(R"({
    "id": "m7", "email_address": "user7@example.com", "status": "subscribed",
    "list_id": "abc123", "last_changed": "2023-11-14T22:20:20+00:00",
    "merge_fields": {"FNAME": "First7", "LNAME": "Last7"}})");
  EXPECT_EQ(body.at("members").at(0), expected);
}

TEST_F(MockUpstreamTest, CountDefaultsToTenAndOffsetToZero) {
  EXPECT_EQ(ids(page("")),
            (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"}));
}

TEST(MockUpstreamConfig, CountAboveMaxPageIsClamped) {
  MockUpstream mock({.records = 30, .max_page = 20});
  HttpClient client(mock.base_url());
  const auto body = client.get(std::string(kMembers) + "?count=25", basic_auth()).json();
  EXPECT_EQ(body.at("members").as_array().size(), 20U);
  EXPECT_EQ(body.at("total_items"), 30);
}

TEST_F(MockUpstreamTest, BadCountOrOffsetIs400) {
  for (const char* query : {"count=abc", "count=", "offset=-1", "offset=1.5"}) {
    const HttpResponse response = get(std::string(kMembers) + "?" + query);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_EQ(response.json().at("title"), "Invalid Resource") << query;
  }
}

TEST_F(MockUpstreamTest, SetRecordsReplacesTheDataSet) {
  mock.set_records(5);
  ASSERT_EQ(mock.records().size(), 5U);
  EXPECT_EQ(mock.records()[4].id, "m4");
  EXPECT_EQ(mock.records()[4].email, "user4@example.com");
  EXPECT_EQ(mock.records()[4].status, "subscribed");
  EXPECT_EQ(mock.records()[4].last_changed_ms, 1700000000000 + 4 * 60'000);
  EXPECT_EQ(page("count=100").at("total_items"), 5);
  mock.set_records(0);
  EXPECT_TRUE(page("").at("members").as_array().empty());
}

// --- time window: since <= last_changed < before; m1 changed at 22:14:20, m3 at 22:16:20 ---

TEST_F(MockUpstreamTest, TimeWindowIsHalfOpenInEveryTimestampStyle) {
  const std::vector<std::string> m1_m2 = {"m1", "m2"};
  EXPECT_EQ(window_ids("2023-11-14T22:14:20Z", "2023-11-14T22:16:20Z"), m1_m2);
  EXPECT_EQ(window_ids("2023-11-14T22:14:20:0000000Z", "2023-11-14T22:16:20:0000000Z"), m1_m2);
  EXPECT_EQ(window_ids("2023-11-14T22:14:20.000Z", "2023-11-14T22:16:20.000Z"), m1_m2);
  EXPECT_EQ(window_ids("2023-11-14T22:14:20%2B00:00", "2023-11-14T23:16:20%2B01:00"), m1_m2);
  EXPECT_EQ(window_ids("1700000060", "1700000180"), m1_m2);
  EXPECT_EQ(window_ids("1700000060000", "1700000180000"), m1_m2);
}

TEST_F(MockUpstreamTest, SubMillisecondBoundsStayExact) {
  // One tick past m1 excludes it; one tick past m3 admits it.
  EXPECT_EQ(window_ids("2023-11-14T22:14:20:0000001Z", "2023-11-14T22:16:20:0000001Z"),
            (std::vector<std::string>{"m2", "m3"}));
}

TEST_F(MockUpstreamTest, TotalItemsCountsTheWindowNotTheList) {
  const auto body = page("count=2&since_last_changed=2023-11-14T22:14:20Z");
  EXPECT_EQ(ids(body), (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(body.at("total_items"), 249);
  EXPECT_EQ(page("before_last_changed=2023-11-14T22:14:20Z").at("total_items"), 1);
  EXPECT_EQ(window_ids("2023-11-14T22:16:20Z", "2023-11-14T22:14:20Z"), std::vector<std::string>{});
}

TEST_F(MockUpstreamTest, MalformedTimeIs400WithAJsonError) {
  for (const char* value : {"yesterday", "", "2023-13-01T00:00:00Z", "2023-11-14T22:13:20.Z",
                            "2023-11-14T22:13:20%2B0", "2023-11-14%2022:13:20Z",
                            // An unencoded `+` arrives as a space, as on real servers.
                            "2023-11-14T22:13:20+00:00"}) {
    const HttpResponse response = get(std::string(kMembers) + "?since_last_changed=" + value);
    EXPECT_EQ(response.status, 400) << value;
    const auto body = response.json();
    EXPECT_EQ(body.at("status"), 400) << value;
    EXPECT_NE(body.at("detail").as_string().find("since_last_changed"), std::string::npos);
  }
}

TEST(MockTimestamp, ParsesTheVariantsSourcesSend) {
  const std::int64_t base = 1700000000000;
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T22:13:20Z"), base);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T22:13:20"), base);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T22:13:20+00:00"), base);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T23:43:20+0130"), base);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T20:13:20-02"), base);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T22:13:20.25Z"), base + 250);
  EXPECT_EQ(mock::parse_timestamp("2023-11-14T22:13:20:1234567Z"), base + 124);  // rounded up
  EXPECT_EQ(mock::parse_timestamp("1700000000"), base);
  EXPECT_EQ(mock::parse_timestamp("1700000000000"), base);
  EXPECT_EQ(mock::parse_timestamp("1970-01-01T00:00:00Z"), 0);
}

TEST(MockTimestamp, RejectsWhatIsNotATime) {
  for (const char* text :
       {"", "2023-11-14", "2023-11-14T22:13Z", "2023-02-29T00:00:00Z", "2023-11-14T24:00:00Z",
        "2023-11-14T22:13:20.1234567890Z", "2023-11-14T22:13:20+24:00", "2023-11-14T22:13:20Zjunk",
        "-1700000000", "99999999999999999999"}) {
    EXPECT_EQ(mock::parse_timestamp(text), std::nullopt) << text;
  }
}

TEST(MockTimestamp, FormatsAsMailChimpDoes) {
  EXPECT_EQ(mock::format_timestamp(1700000000999), "2023-11-14T22:13:20+00:00");
}

// --- auth ---

TEST_F(MockUpstreamTest, AcceptsEachKindOfCredential) {
  for (const HeaderList& headers :
       {basic_auth(), only({{"Authorization", "basic YW5uOnMzY3JldA=="}}),
        only({{"Authorization", "Bearer key-123"}}), only({{"X-Api-Key", "key-123"}})}) {
    const HttpResponse response = get(kPing, headers);
    EXPECT_EQ(response.status, 200) << headers.back().second;
    EXPECT_EQ(response.json().at("health_status"), "Everything's Chimpy!");
  }
  EXPECT_EQ(get(std::string(kPing) + "?apikey=key-123", only({})).status, 200);
}

TEST_F(MockUpstreamTest, RefusesMissingOrWrongCredentials) {
  for (const HeaderList& headers :
       {only({}), only({{"Authorization", "Basic YW5uOndyb25n"}}),  // ann:wrong
        only({{"X-Api-Key", "key-124"}}), only({{"Authorization", "Bearer s3cret"}}),
        HeaderList{}}) {  // HttpClient's own Bearer token and x-api-key
    const HttpResponse response = get(std::string(kMembers) + "?apikey=nope", headers);
    EXPECT_EQ(response.status, 401);
    const auto body = response.json();
    EXPECT_EQ(body.at("title"), "API Key Invalid");
    EXPECT_EQ(body.at("detail"), "Your request did not include an API key.");
  }
}

TEST(MockUpstreamConfig, CredentialsAreConfigurable) {
  MockUpstream mock({.username = "u", .password = "p", .api_key_header = "X-Auth", .api_key = "k"});
  HttpClient client(mock.base_url());
  EXPECT_EQ(client.get(kPing, only({{"Authorization", "Basic dTpw"}})).status, 200);
  EXPECT_EQ(client.get(kPing, only({{"X-Auth", "k"}})).status, 200);
  EXPECT_EQ(client.get(kPing, basic_auth()).status, 401);
}

// --- routing ---

TEST_F(MockUpstreamTest, UnknownPathsAre404AndOtherMethods405) {
  for (const char* path : {"/3.0/lists", "/3.0/lists//members", "/3.0/lists/a/b/members", "/"}) {
    const HttpResponse response = get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.json().at("status"), 404);
  }
  const HttpResponse post = client.post(kMembers, "{}", basic_auth());
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers.at("Allow"), "GET");
}

TEST_F(MockUpstreamTest, ConnectionsStayOpenBetweenRequests) {
  RawConnection connection(mock.port());
  const std::string auth = "Host: x\r\nX-Api-Key: key-123\r\n\r\n";
  connection.send("GET /3.0/ping HTTP/1.1\r\n" + auth);
  EXPECT_NE(connection.read_until("Chimpy").find("200 OK"), std::string::npos);
  connection.send("GET /3.0/lists/x/members?count=1 HTTP/1.1\r\n" + auth);
  EXPECT_NE(connection.read_until("total_items").find("\"m0\""), std::string::npos);
}

// --- faults ---

TEST_F(MockUpstreamTest, Status500ThenRecovers) {
  mock.inject(Fault::status500);
  const HttpResponse failed = get(kPing);
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.json().at("status"), 500);
  EXPECT_EQ(get(kPing).status, 200);
}

TEST_F(MockUpstreamTest, Status429CarriesRetryAfter) {
  mock.inject(Fault::status429, 0, 1, 7);
  const HttpResponse response = get(kPing);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.headers.at("Retry-After"), "7");
  EXPECT_EQ(response.json().at("title"), "Too Many Requests");
}

TEST_F(MockUpstreamTest, Status401DespiteGoodCredentials) {
  mock.inject(Fault::status401);
  const HttpResponse response = get(kPing);
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json().at("title"), "API Key Invalid");
}

TEST_F(MockUpstreamTest, FaultsHitTheChosenRequestsOnly) {
  mock.inject(Fault::status500, 1, 2);
  mock.inject(Fault::status429, 2, 2);  // overlaps the 500s: the earlier injection wins
  std::vector<long> statuses;
  for (int i = 0; i < 5; ++i) statuses.push_back(get(kPing).status);
  EXPECT_EQ(statuses, (std::vector<long>{200, 500, 500, 429, 200}));
}

TEST_F(MockUpstreamTest, SlowAnswersNormallyAfterTheDelay) {
  mock.inject(Fault::slow, 0, 1, 1, 300ms);
  const auto start = std::chrono::steady_clock::now();
  const HttpResponse response = get(std::string(kMembers) + "?count=3");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);
  EXPECT_EQ(ids(response.json()), (std::vector<std::string>{"m0", "m1", "m2"}));
}

TEST_F(MockUpstreamTest, SlowRequestDoesNotHoldUpOthers) {
  mock.inject(Fault::slow, 0, 1, 1, 2s);
  auto slow = std::async(std::launch::async, [url = mock.base_url()] {
    return HttpClient(url).get(kPing, basic_auth()).status;
  });
  while (mock.requests().empty()) std::this_thread::sleep_for(5ms);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(get(kPing).status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_EQ(slow.get(), 200);
}

TEST_F(MockUpstreamTest, MalformedJsonIs200ThatDoesNotParse) {
  mock.inject(Fault::malformed_json);
  const HttpResponse response = get(kMembers);
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.starts_with(R"({"members":[{"id":)"));
  EXPECT_THROW(response.json(), std::runtime_error);
}

TEST_F(MockUpstreamTest, TruncatedBodyPromisesMoreThanItSends) {
  mock.inject(Fault::truncated_body);
  RawConnection connection(mock.port());
  connection.send(std::string("GET ") + kMembers + " HTTP/1.1\r\nX-Api-Key: key-123\r\n\r\n");
  const std::string reply = connection.read_all();  // returns once the server has closed
  const std::size_t length_at = reply.find("Content-Length: ");
  const std::size_t body_at = reply.find("\r\n\r\n");
  ASSERT_NE(length_at, std::string::npos);
  ASSERT_NE(body_at, std::string::npos);
  const std::size_t promised = std::stoul(reply.substr(length_at + 16));
  EXPECT_LT(reply.size() - body_at - 4, promised);
  EXPECT_GT(reply.size() - body_at - 4, 0U);
}

TEST_F(MockUpstreamTest, TruncatedBodyFailsTheClient) {
  mock.inject(Fault::truncated_body);
  EXPECT_THROW(get(kMembers), std::runtime_error);
  EXPECT_EQ(get(kMembers).status, 200);
}

TEST_F(MockUpstreamTest, ResetConnectionSendsNothing) {
  mock.inject(Fault::reset_connection);
  RawConnection connection(mock.port());
  connection.send("GET /3.0/ping HTTP/1.1\r\nX-Api-Key: key-123\r\n\r\n");
  EXPECT_EQ(connection.read_all(), "");
}

TEST_F(MockUpstreamTest, ResetConnectionFailsAFreshClient) {
  mock.inject(Fault::reset_connection);
  EXPECT_THROW(get(kPing), std::runtime_error);
  EXPECT_EQ(get(kPing).status, 200);
}

// --- request log ---

TEST_F(MockUpstreamTest, LogsEveryRequestAsSentIncludingFaultedOnes) {
  get(std::string(kMembers) + "?count=5&since_last_changed=2023-11-14T22%3A14%3A20Z",
      only({{"X-Api-Key", "key-123"}, {"X-Trace-ID", "Abc"}}));
  mock.inject(Fault::reset_connection);
  // A fresh connection: libcurl silently retries a request whose reused connection dies.
  EXPECT_THROW(HttpClient(mock.base_url()).get(kPing, basic_auth()), std::runtime_error);
  client.post(kMembers, R"({"a":1})", basic_auth());
  const auto log = mock.requests();
  ASSERT_EQ(log.size(), 3U);
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].target,
            std::string(kMembers) + "?count=5&since_last_changed=2023-11-14T22%3A14%3A20Z");
  EXPECT_EQ(log[0].headers.at("x-api-key"), "key-123");
  EXPECT_EQ(log[0].headers.at("x-trace-id"), "Abc");
  EXPECT_EQ(log[0].headers.count("authorization"), 0U);
  EXPECT_EQ(log[1].target, kPing);
  EXPECT_EQ(log[2].method, "POST");
  EXPECT_EQ(log[2].body, R"({"a":1})");
}

// --- concurrency and lifetime ---

TEST_F(MockUpstreamTest, ServesConcurrentClients) {
  std::atomic<int> answered = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      HttpClient own(mock.base_url());
      for (int i = 0; i < 20; ++i) {
        const std::string offset = std::to_string(t * 20 + i);
        try {
          const auto body =
              own.get(std::string(kMembers) + "?count=1&offset=" + offset, basic_auth()).json();
          if (ids(body) == std::vector<std::string>{"m" + offset}) ++answered;
        } catch (const std::exception& e) {
          ADD_FAILURE() << "request " << offset << ": " << e.what();  // not answered
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(answered, 80);
  EXPECT_EQ(mock.requests().size(), 80U);
}

TEST(MockUpstreamLifetime, StopsPromptlyWithConnectionsOpenAndRepliesPending) {
  auto mock = std::make_unique<MockUpstream>();
  HttpClient idle(mock->base_url());
  ASSERT_EQ(idle.get(kPing, basic_auth()).status, 200);  // leaves a keep-alive connection
  mock->inject(Fault::slow, 0, 1, 1, 10s);
  auto pending = std::async(std::launch::async, [url = mock->base_url()] {
    return HttpClient(url).get(kPing, basic_auth()).status;
  });
  while (mock->requests().size() < 2) std::this_thread::sleep_for(5ms);
  const int port = mock->port();
  const auto start = std::chrono::steady_clock::now();
  mock.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_THROW(pending.get(), std::runtime_error);
  EXPECT_TRUE(connection_refused(port));
}

TEST(MockUpstreamLifetime, EachMockHasItsOwnPort) {
  const MockUpstream first;
  const MockUpstream second;
  EXPECT_TRUE(first.base_url().starts_with("http://127.0.0.1:"));
  EXPECT_NE(first.base_url(), second.base_url());
}

}  // namespace
}  // namespace hw::test
