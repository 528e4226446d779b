#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/extract/record_extractor.hpp"
#include "engine/run_error.hpp"

namespace hw::engine {
namespace {

std::vector<std::string> extract(const std::string& attributes, const std::string& page) {
  RecordExtractor extractor(boost::json::parse(attributes).as_object());
  std::vector<std::string> out;
  const auto n = extractor.extract(page, [&](std::string_view r) { out.emplace_back(r); });
  EXPECT_EQ(n, out.size());
  return out;
}

TEST(EngineExtract, EachElementOfTheContentPathArrayIsARecord) {
  EXPECT_EQ(extract(R"({"contentPath":"$.members"})",
                    R"({"members":[{"id": 1},{"id":2}],"total_items":2})"),
            (std::vector<std::string>{R"({"id":1})", R"({"id":2})"}));
}

TEST(EngineExtract, RecordsAreMinifiedAndKeepTheSourcesSpelling) {
  EXPECT_EQ(
      extract(R"({"contentPath":"$.data.items[*]"})",
              "{\"data\":{\"items\":[\n  {\"price\": 1.50, \"n\": 1e2, \"s\": \"a b\"},\n  [1, 2],"
              " \"x\" , 7 ]}}"),
      (std::vector<std::string>{R"({"price":1.50,"n":1e2,"s":"a b"})", "[1,2]", R"("x")", "7"}));
}

TEST(EngineExtract, ARecordWithAnInvalidValueFailsThePageNotJustTheRecord) {
  try {
    extract(R"({"contentPath":"$.items"})", R"({"items":[{"ok":true},{"bad":tru}]})");
    ADD_FAILURE() << "an invalid literal was accepted";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), "MALFORMED_PAGE");
  }
}

TEST(EngineExtract, ObjectFormWithAWrapper) {
  EXPECT_EQ(extract(R"({"contentPath":{"path":"$.a.list","overrideWrapperAttribute":"email"}})",
                    R"({"a":{"list":[{"email_id":"x"}]}})"),
            std::vector<std::string>{R"({"email":{"email_id":"x"}})"});
}

TEST(EngineExtract, RootArrayTrailingWildcardAndIndexes) {
  EXPECT_EQ(extract(R"({"contentPath":"$"})", "[1,2]"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(extract(R"({"contentPath":"$.a[*]"})", R"({"a":[true]})"),
            std::vector<std::string>{"true"});
  EXPECT_EQ(extract(R"({"contentPath":"$.a[1].b"})", R"({"a":[{},{"b":[3]}]})"),
            std::vector<std::string>{"3"});
}

TEST(EngineExtract, DescendantPathsTakeTheGeneralRoute) {
  EXPECT_EQ(extract(R"({"contentPath":"$..items"})", R"({"x":{"items":[1]},"items":[2]})"),
            (std::vector<std::string>{"2", "1"}));
}

TEST(EngineExtract, AbsentOrNullPathIsAnEmptyPage) {
  EXPECT_TRUE(extract(R"({"contentPath":"$.members"})", R"({"other":[]})").empty());
  EXPECT_TRUE(extract(R"({"contentPath":"$.members"})", R"({"members":null})").empty());
}

TEST(EngineExtract, MalformedPagesAndNonArraysAreErrors) {
  RecordExtractor extractor(boost::json::parse(R"({"contentPath":"$.members"})").as_object());
  auto sink = [](std::string_view) {};
  for (const char* page : {R"({"members":[{"id":)", "not json", R"({"members":{"id":1}})"}) {
    try {
      extractor.extract(page, sink);
      ADD_FAILURE() << page;
    } catch (const RunError& e) {
      EXPECT_EQ(e.code(), "MALFORMED_PAGE") << page;
    }
  }
}

TEST(EngineExtract, AnUnparsableContentPathIsRefusedUpFront) {
  EXPECT_THROW(RecordExtractor(boost::json::parse(R"({"contentPath":"members["})").as_object()),
               RunError);
}

TEST(EngineExtract, KeepAttributesKeepOnlyTheNamedFieldsInTheSourcesOrder) {
  EXPECT_EQ(extract(R"({"contentPath":{"path":"$.members","keepAttributes":["status","id"]}})",
                    R"({"members":[{"id":"m0","email":"a@x","status":"subscribed","_links":[]},
                                   {"email":"b@x"}]})"),
            (std::vector<std::string>{R"({"id":"m0","status":"subscribed"})", "{}"}));
}

// Adobe's MailChimp Members example: skipAttributes with overrideWrapperAttribute.
TEST(EngineExtract, SkipAttributesDropTheNamedFieldsBeforeTheWrapper) {
  EXPECT_EQ(extract(R"({"contentPath":{"path":"$.members",
                          "skipAttributes":["_links","total_items","list_id"],
                          "overrideWrapperAttribute":"member"}})",
                    R"({"members":[{"id":"m0","list_id":"L1","email_address":"a@x",
                                    "_links":[{"rel":"self"}]}],"total_items":1})"),
            std::vector<std::string>{R"({"member":{"id":"m0","email_address":"a@x"}})"});
}

TEST(EngineExtract, KeepThenSkipAndNonObjectsPassUnchanged) {
  EXPECT_EQ(extract(R"({"contentPath":{"path":"$.a","keepAttributes":["x","y"],
                          "skipAttributes":["y"]}})",
                    R"({"a":[{"x":1,"y":2,"z":3},7,"s"]})"),
            (std::vector<std::string>{R"({"x":1})", "7", R"("s")"}));
}

TEST(EngineExtract, DescendantPathsAreFilteredToo) {
  EXPECT_EQ(extract(R"({"contentPath":{"path":"$..items","skipAttributes":["b"]}})",
                    R"({"x":{"items":[{"a":1,"b":2}]}})"),
            std::vector<std::string>{R"({"a":1})"});
}

// simdjson takes deeper documents than the DOM that keep/skip work on: such a record fails
// alone instead of failing the run.
TEST(EngineExtract, ARecordTooDeepToReshapeIsRejected) {
  const std::string deep = std::string(70, '[') + std::string(70, ']');
  RecordExtractor extractor(
      boost::json::parse(R"({"contentPath":{"path":"$.a","skipAttributes":["x"]}})").as_object());
  std::vector<std::string> records, reasons;
  const auto n = extractor.extract(R"({"a":[)" + deep + R"(,{"x":1,"y":2}]})",
                                   [&](std::string_view r) { records.emplace_back(r); },
                                   [&](std::string_view r, const RecordFailure& f) {
                                     EXPECT_EQ(r, deep);
                                     EXPECT_EQ(f.code, "MALFORMED_RECORD");
                                     reasons.push_back(f.reason);
                                   });
  EXPECT_EQ(n, 2U);
  EXPECT_EQ(records, std::vector<std::string>{R"({"y":2})"});
  EXPECT_EQ(reasons, std::vector<std::string>{"$: nesting deeper than 64 levels"});
}

}  // namespace
}  // namespace hw::engine
