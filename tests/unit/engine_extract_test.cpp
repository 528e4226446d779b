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

}  // namespace
}  // namespace hw::engine
