// sourceSpec.schema: every source record is checked; one that violates it is rejected with
// the JSON path and the rule it broke.
#include <gtest/gtest.h>

#include "engine/run_error.hpp"
#include "unit/extract_test_util.hpp"

namespace hw::engine {
namespace {

using test::extract_pages;

constexpr const char* kResults = R"({"contentPath": "$.results"})";

// Shaped like Adobe's example: the response, whose `results` items are the records.
constexpr const char* kSchema = R"({"type": "object", "properties": {"results": {
  "type": "array", "items": {"type": "object", "required": ["id"], "properties": {
    "id": {"type": "integer"}, "email": {"type": "string"}, "active": {"type": "boolean"},
    "tags": {"type": "array", "items": {"type": "string"}}}}}}})";

RunError refusal(const std::string& attributes, const std::string& schema) {
  try {
    extract_pages(attributes, {}, schema);
  } catch (const RunError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted " << schema;
  return RunError("NONE", "");
}

TEST(EngineRecordSchema, AViolatingRecordIsRejectedWithPathAndRule) {
  const auto out =
      extract_pages(kResults,
                    {R"({"results": [{"id": 1, "email": "a@x", "active": true, "tags": ["a"]},
                       {"id": "2", "email": "b@x", "active": "yes"}]})",
                     R"({"results": [{"email": "c@x", "tags": ["ok", 3]}, {"id": 4}]})"},
                    kSchema);
  EXPECT_EQ(out.records,
            (std::vector<std::string>{R"({"id":1,"email":"a@x","active":true,"tags":["a"]})",
                                      R"({"id":4})"}));
  EXPECT_EQ(out.count, 4U);
  ASSERT_EQ(out.rejected.size(), 2U);
  EXPECT_EQ(out.rejected[0].record, R"({"id":"2","email":"b@x","active":"yes"})");
  EXPECT_EQ(out.rejected[0].failure.index, 1U);
  EXPECT_EQ(out.rejected[0].failure.code, "SCHEMA_VIOLATION");
  EXPECT_EQ(out.rejected[0].failure.reason,
            "$.active: must be a boolean, not a string; $.id: must be an integer, not a string");
  EXPECT_EQ(out.rejected[1].record, R"({"email":"c@x","tags":["ok",3]})");
  EXPECT_EQ(out.rejected[1].failure.index, 2U);
  EXPECT_EQ(out.rejected[1].failure.reason,
            "$.tags[1]: must be a string, not a number; $.id: 'id' is required");
}

// The schema describes what the source sends; keep/skip and the wrapper come after it.
TEST(EngineRecordSchema, TheSchemaSeesTheRecordAsTheSourceSentIt) {
  const auto out = extract_pages(
      R"({"contentPath": {"path": "$.results", "skipAttributes": ["_links"],
                          "overrideWrapperAttribute": "user"}})",
      {R"({"results": [{"id": 1, "_links": []}]})"},
      R"({"properties": {"results": {"items": {"required": ["_links"]}}}})");
  EXPECT_EQ(out.records, std::vector<std::string>{R"({"user":{"id":1}})"});
  EXPECT_TRUE(out.rejected.empty());
}

TEST(EngineRecordSchema, RootArraysIndexesAndDefinitionsAreFollowed) {
  const auto root = extract_pages(R"({"contentPath": "$"})", {R"([{"id": 1}, {"id": "x"}])"},
                                  R"({"type": "array", "items": {"$ref": "#/definitions/user"},
                                      "definitions": {"user": {"properties": {
                                        "id": {"type": "integer"}}}}})");
  EXPECT_EQ(root.records, std::vector<std::string>{R"({"id":1})"});
  ASSERT_EQ(root.rejected.size(), 1U);
  EXPECT_EQ(root.rejected[0].failure.reason, "$.id: must be an integer, not a string");

  const auto indexed = extract_pages(R"({"contentPath": "$.pages[0].rows[*]"})",
                                     {R"({"pages": [{"rows": [true, 5]}]})"},
                                     R"({"properties": {"pages": {"items": {"properties": {
                                         "rows": {"items": {"type": "boolean"}}}}}}})");
  EXPECT_EQ(indexed.records, std::vector<std::string>{"true"});
  ASSERT_EQ(indexed.rejected.size(), 1U);
  EXPECT_EQ(indexed.rejected[0].failure.reason, "$: must be a boolean, not a number");
}

TEST(EngineRecordSchema, ALongListOfProblemsIsCutAtTen) {
  std::string record = "{";
  for (int i = 0; i < 12; ++i)
    record += (i ? "," : "") + std::string("\"f") + std::to_string(i) + "\":\"s\"";
  record += "}";
  const auto out = extract_pages(kResults, {R"({"results": [)" + record + "]}"},
                                 R"({"properties": {"results": {"items": {
                                     "additionalProperties": {"type": "integer"}}}}})");
  ASSERT_EQ(out.rejected.size(), 1U);
  const std::string& reason = out.rejected[0].failure.reason;
  EXPECT_EQ(reason.rfind("$.f0: must be an integer, not a string; ", 0), 0U) << reason;
  EXPECT_TRUE(reason.ends_with("; $.f9: must be an integer, not a string; and 2 more")) << reason;
}

TEST(EngineRecordSchema, ASchemaThatCannotCheckTheRecordsIsRefusedUpFront) {
  auto e = refusal(kResults, R"({"properties": {"members": {"items": {}}}})");
  EXPECT_EQ(e.code(), "INVALID_SPEC");
  EXPECT_STREQ(e.what(),
               "sourceSpec.schema has no object at 'properties.results' to check contentPath's "
               "records against");
  e = refusal(kResults, R"({"properties": {"results": {"type": "array"}}})");
  EXPECT_STREQ(e.what(),
               "sourceSpec.schema has no object at 'properties.results.items' to check "
               "contentPath's records against");
  e = refusal(R"({"contentPath": "$..results"})", kSchema);
  EXPECT_STREQ(e.what(),
               "sourceSpec.schema cannot be matched to contentPath $..['results']: only names and "
               "indexes can be followed through a schema");
  e = refusal(kResults, R"({"properties": {"results": {"items": {"type": "strng"}}}})");
  EXPECT_EQ(e.code(), "INVALID_SPEC");
  EXPECT_EQ(
      std::string(e.what()).rfind("sourceSpec.schema is not a valid JSON Schema (draft-07): ", 0),
      0U)
      << e.what();
  e = refusal(kResults, R"(["not", "a", "schema"])");
  EXPECT_STREQ(e.what(), "sourceSpec.schema must be an object (a draft-07 JSON Schema)");
}

}  // namespace
}  // namespace hw::engine
