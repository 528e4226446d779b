#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/sqlite_store.hpp"
#include "support/server_process.hpp"

namespace hw::store {
namespace {

const Scope kScope{"ORG@AdobeOrg", "prod"};

Document doc(std::string id, std::string body, std::int64_t created = 1) {
  return {std::move(id), "etag-1", created, created, std::move(body), std::nullopt};
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::unique_ptr<Store> store = open_sqlite_store(dir.path());

  std::vector<std::string> names(const ListQuery& query) {
    std::vector<std::string> out;
    for (const auto& body : store->list("specs", kScope, query).bodies) out.push_back(body);
    return out;
  }
};

TEST_F(SqliteStoreTest, InsertThenGetReturnsTheDocument) {
  ASSERT_EQ(store->insert("specs", kScope, doc("a", R"({"name":"A"})")), WriteResult::ok);
  auto got = store->get("specs", kScope, "a");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->body, R"({"name":"A"})");
  EXPECT_EQ(got->etag, "etag-1");
}

TEST_F(SqliteStoreTest, SecretsAreStoredBesideTheBodyAndReplacedWithIt) {
  Document d = doc("a", "{}");
  d.secret = "v1:sealed";
  store->insert("specs", kScope, d);
  EXPECT_EQ(store->get("specs", kScope, "a")->secret, "v1:sealed");
  d.secret.reset();
  store->replace("specs", kScope, d, std::nullopt);
  EXPECT_FALSE(store->get("specs", kScope, "a")->secret);
}

TEST_F(SqliteStoreTest, SecondInsertOfTheSameIdIsRefused) {
  store->insert("specs", kScope, doc("a", "{}"));
  EXPECT_EQ(store->insert("specs", kScope, doc("a", "{}")), WriteResult::exists);
}

TEST_F(SqliteStoreTest, ScopesAndKindsAreSeparate) {
  store->insert("specs", kScope, doc("a", "{}"));
  EXPECT_FALSE(store->get("specs", Scope{"OTHER@AdobeOrg", "prod"}, "a"));
  EXPECT_FALSE(store->get("specs", Scope{"ORG@AdobeOrg", "dev"}, "a"));
  EXPECT_FALSE(store->get("flows", kScope, "a"));
}

TEST_F(SqliteStoreTest, ReplaceChecksTheEtag) {
  store->insert("specs", kScope, doc("a", R"({"v":1})"));
  Document next{"a", "etag-2", 1, 2, R"({"v":2})", std::nullopt};
  EXPECT_EQ(store->replace("specs", kScope, next, std::string_view("stale")),
            WriteResult::etag_mismatch);
  EXPECT_EQ(store->replace("specs", kScope, next, std::string_view("etag-1")), WriteResult::ok);
  EXPECT_EQ(store->get("specs", kScope, "a")->body, R"({"v":2})");
  next.id = "missing";
  EXPECT_EQ(store->replace("specs", kScope, next, std::nullopt), WriteResult::not_found);
}

TEST_F(SqliteStoreTest, RemoveChecksTheEtag) {
  store->insert("specs", kScope, doc("a", "{}"));
  EXPECT_EQ(store->remove("specs", kScope, "a", std::string_view("stale")),
            WriteResult::etag_mismatch);
  EXPECT_EQ(store->remove("specs", kScope, "a", std::nullopt), WriteResult::ok);
  EXPECT_EQ(store->remove("specs", kScope, "a", std::nullopt), WriteResult::not_found);
}

TEST_F(SqliteStoreTest, UpsertReplacesOnlyWhenTheBodyDiffers) {
  store->upsert("specs", kScope, doc("a", R"({"v":1})"));
  store->upsert("specs", kScope, {"a", "etag-2", 1, 5, R"({"v":1})", std::nullopt});
  EXPECT_EQ(store->get("specs", kScope, "a")->etag, "etag-1");
  store->upsert("specs", kScope, {"a", "etag-3", 1, 6, R"({"v":2})", std::nullopt});
  EXPECT_EQ(store->get("specs", kScope, "a")->etag, "etag-3");
}

TEST_F(SqliteStoreTest, ListFiltersOrdersAndPages) {
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    store->insert("specs", kScope,
                  doc("id" + n, R"({"name":"n)" + n + R"(","createdAt":)" + n + R"(,"on":)" +
                                    (i % 2 ? "true" : "false") + "}"));
  }
  ListQuery query;
  query.filters = {{"createdAt", Filter::Op::ge, {"1"}}, {"on", Filter::Op::eq, {"true"}}};
  query.order_field = "name";
  query.descending = true;
  query.count = true;
  auto result = store->list("specs", kScope, query);
  ASSERT_EQ(result.bodies.size(), 2u);
  EXPECT_NE(result.bodies[0].find("\"n3\""), std::string::npos);
  EXPECT_NE(result.bodies[1].find("\"n1\""), std::string::npos);
  EXPECT_EQ(result.total, 2u);
  EXPECT_FALSE(result.has_more);

  ListQuery paged;
  paged.limit = 2;
  paged.offset = 2;
  result = store->list("specs", kScope, paged);
  ASSERT_EQ(result.bodies.size(), 2u);
  EXPECT_NE(result.bodies[0].find("\"n2\""), std::string::npos);
  EXPECT_TRUE(result.has_more);
}

TEST_F(SqliteStoreTest, NotEqualMatchesDocumentsWithoutTheField) {
  store->insert("specs", kScope, doc("a", R"({"name":"x"})"));
  store->insert("specs", kScope, doc("b", R"({})"));
  ListQuery query;
  query.filters = {{"name", Filter::Op::ne, {"x"}}};
  EXPECT_EQ(names(query), std::vector<std::string>{"{}"});
}

TEST_F(SqliteStoreTest, SeveralValuesMatchAnyOfThem) {
  for (const char* id : {"a", "b", "c"})
    store->insert("specs", kScope, doc(id, R"({"k":")" + std::string(id) + "\"}"));
  ListQuery query;
  query.filters = {{"k", Filter::Op::eq, {"a", "c"}}};
  EXPECT_EQ(names(query), (std::vector<std::string>{R"({"k":"a"})", R"({"k":"c"})"}));
  query.filters = {{"k", Filter::Op::ne, {"a", "c"}}};
  EXPECT_EQ(names(query), std::vector<std::string>{R"({"k":"b"})"});
}

TEST_F(SqliteStoreTest, ArrayPathsMatchAnyElement) {
  store->insert("specs", kScope, doc("a", R"({"t":[{"p":{"s":[{"id":1},{"id":2}]}}]})"));
  store->insert("specs", kScope, doc("b", R"({"t":[{"p":{"s":[{"id":3}]}}],"ids":["x","y"]})"));
  ListQuery query;
  query.filters = {{"t[].p.s[].id", Filter::Op::eq, {"2"}}};
  ASSERT_EQ(names(query).size(), 1u);
  EXPECT_NE(names(query)[0].find(R"("id":2)"), std::string::npos);
  query.filters = {{"ids[]", Filter::Op::eq, {"y"}}};
  ASSERT_EQ(names(query).size(), 1u);
  EXPECT_NE(names(query)[0].find(R"("ids")"), std::string::npos);
  query.filters = {{"ids[]", Filter::Op::ne, {"y"}}};
  EXPECT_EQ(names(query).size(), 1u);
}

TEST_F(SqliteStoreTest, ReferencingSearchesArraysAndScalars) {
  store->insert("flowSpecs", kScope, doc("f1", R"({"ids":["s1","s2"]})"));
  store->insert("flowSpecs", kScope, doc("f2", R"({"ids":["s3"]})"));
  store->insert("connections", kScope, doc("c1", R"({"connectionSpec":{"id":"s2"}})"));
  EXPECT_EQ(store->referencing("flowSpecs", kScope, "ids", "s2"), std::vector<std::string>{"f1"});
  EXPECT_EQ(store->referencing("connections", kScope, "connectionSpec.id", "s2"),
            std::vector<std::string>{"c1"});
  EXPECT_TRUE(store->referencing("flowSpecs", kScope, "ids", "nope").empty());
}

TEST_F(SqliteStoreTest, ScanSeesEveryScopeOfOneKind) {
  store->insert("flows", kScope, doc("a", "{}"));
  store->insert("flows", Scope{"OTHER@AdobeOrg", "dev"}, doc("b", "{}"));
  store->insert("specs", kScope, doc("c", "{}"));
  const auto all = store->scan("flows");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].scope.org, "ORG@AdobeOrg");
  EXPECT_EQ(all[0].doc.id, "a");
  EXPECT_EQ(all[1].scope.sandbox, "dev");
  EXPECT_EQ(all[1].doc.id, "b");
}

TEST_F(SqliteStoreTest, HostileFieldNamesAreRejected) {
  ListQuery query;
  query.filters = {{"name') OR 1=1 --", Filter::Op::eq, {"x"}}};
  EXPECT_THROW(store->list("specs", kScope, query), std::invalid_argument);
}

TEST_F(SqliteStoreTest, DocumentsSurviveReopening) {
  store->insert("specs", kScope, doc("a", R"({"name":"kept"})"));
  store.reset();
  store = open_sqlite_store(dir.path());
  EXPECT_EQ(store->get("specs", kScope, "a")->body, R"({"name":"kept"})");
}

TEST_F(SqliteStoreTest, ConcurrentInsertsAllLand) {
  constexpr int kThreads = 8, kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string id = std::to_string(t) + "-" + std::to_string(i);
        if (store->insert("specs", kScope, doc(id, "{}")) == WriteResult::ok) ++ok;
        if (store->get("specs", kScope, id)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 2 * kThreads * kPerThread);
  ListQuery query;
  query.count = true;
  EXPECT_EQ(store->list("specs", kScope, query).total, std::size_t{kThreads * kPerThread});
}

TEST_F(SqliteStoreTest, ConcurrentReplacesWithTheSameEtagHaveOneWinner) {
  store->insert("specs", kScope, doc("a", "{}"));
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Document next{"a", "etag-" + std::to_string(t + 10), 1, 2, "{}", std::nullopt};
      if (store->replace("specs", kScope, next, std::string_view("etag-1")) == WriteResult::ok)
        ++winners;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(winners.load(), 1);
}

}  // namespace
}  // namespace hw::store
