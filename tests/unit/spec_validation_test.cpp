// Connection spec validation end to end: Adobe's own documents, a spec with many problems,
// and hostile input.
#include "spec/connection_spec_validator.hpp"
#include "spec/spec_kind.hpp"
#include "support/fixtures.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>

namespace hw::spec::test {
namespace {

json::value doc_body(const std::string& rel, std::size_t nth = 0) {
  return parse_or_die(
      hw::test::extract_curl_body(hw::test::read_file(hw::test::shared_path(rel)), nth));
}

TEST(SpecDocuments, SeedBodyWithDuplicateKeysIsAValidStreamingSpec) {
  const auto doc = doc_body("seeds/000_6da393f14679e630.txt");
  EXPECT_EQ(classify_connection_spec(doc.as_object(), false), SpecKind::streaming_source);
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecDocuments, MailChimpCreateBodyIsAValidBatchSpec) {
  const auto doc = doc_body("reference/adobe-docs/api__connection-specs.md");
  EXPECT_EQ(classify_connection_spec(doc.as_object(), false), SpecKind::batch_source);
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecDocuments, MailChimpMembersTutorialBodyHasOnlyWarnings) {
  const auto r = validate_connection_spec(doc_body("reference/adobe-docs/api__create.md"));
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.paginationParams.endConditionName", "ignored"));
}

TEST(SpecDocuments, StreamingCreateBodyIsClean) {
  EXPECT_TRUE(
      IsClean(validate_connection_spec(doc_body("reference/adobe-docs/streaming__create.md"))));
}

TEST(SpecDocuments, BuiltInConnectionSpecsAreClean) {
  for (const char* name :
       {"connection_spec_generic_rest.json", "connection_spec_generic_streaming.json",
        "connection_spec_data_lake.json"}) {
    const auto doc = parse_or_die(
        hw::test::read_file(std::string(HW_SOURCE_DIR) + "/resources/builtins/" + name));
    EXPECT_TRUE(IsClean(validate_connection_spec(doc))) << name;
  }
}

TEST(SpecManyProblems, AllAreReportedAtOnce) {
  const auto doc = parse_or_die(R"({
    "name": "",
    "authSpec": [{"name": "Key", "type": "KeyBased", "spec": {"type": "object", "properties": {}}},
                 {"name": "key", "type": "Basic", "spec": {"type": "strin"}}],
    "sourceSpec": {
      "attributes": {
        "urlParams": {"path": "/v1/${listId}", "method": "PUT", "queryParams": "a=1,b"},
        "bodyParams": {"q": "${q}"},
        "contentpath": "$.x",
        "paginationParams": {"type": "OFFSET", "limitValue": "abc"},
        "scheduleParams": {"type": "ADVANCE", "paramFormat": "yyyy-QQ"}
      }
    }
  })");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "name", "must not be empty"));
  EXPECT_TRUE(HasError(r, "providerId", "is required"));
  EXPECT_TRUE(HasError(r, "authSpec[0].spec.properties", "KeyBased"));
  EXPECT_TRUE(HasError(r, "authSpec[1].spec", "'strin'"));
  EXPECT_TRUE(HasError(r, "authSpec[1].name", "authSpec[0]"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.method", "'PUT'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.queryParams", "'b'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.path", "'${listId}'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.bodyParams.q", "'${q}'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.contentPath", "needs 'contentPath'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.paginationParams.limitName", "OFFSET"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.paginationParams.offSetName", "OFFSET"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.paginationParams.limitValue", "whole number"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.scheduleParams.paramFormat", "date format"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.scheduleParams.incremental", "is required"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.scheduleParams", "{SCHEDULE_QUERY}"));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.contentpath", "did you mean 'contentPath'?"));
  EXPECT_TRUE(HasWarning(r, "authSpec[1].type", "'Basic'"));
  EXPECT_EQ(r.errors.size(), 17u) << describe(r);
}

// Wrong types everywhere: each is reported once, by the shape layer, and nothing crashes.
struct WrongType {
  std::string_view pointer, value, path;
};

// Shown by gtest in place of the struct's raw bytes.
void PrintTo(const WrongType& c, std::ostream* os) {
  *os << c.path;
}

class SpecHostileTypes : public ::testing::TestWithParam<WrongType> {};

TEST_P(SpecHostileTypes, ReportedOnceWithoutCrash) {
  const auto& c = GetParam();
  auto doc = batch_spec();
  set_json(doc, c.pointer, c.value);
  const auto r = validate_connection_spec(doc);
  EXPECT_EQ(count_at(r.errors, c.path), 1u) << describe(r);
  EXPECT_TRUE(HasError(r, c.path, "must be"));
}

INSTANTIATE_TEST_SUITE_P(
    EveryLevel, SpecHostileTypes,
    ::testing::Values(WrongType{"/authSpec", R"("basic")", "authSpec"},
                      WrongType{"/authSpec/0", "7", "authSpec[0]"},
                      WrongType{"/authSpec/0/spec", R"("schema")", "authSpec[0].spec"},
                      WrongType{"/authSpec/0/name", "[]", "authSpec[0].name"},
                      WrongType{"/sourceSpec", "[]", "sourceSpec"},
                      WrongType{"/sourceSpec/attributes", "1", "sourceSpec.attributes"},
                      WrongType{"/sourceSpec/spec", "true", "sourceSpec.spec"},
                      WrongType{"/sourceSpec/attributes/urlParams/method", "1",
                                "sourceSpec.attributes.urlParams.method"},
                      WrongType{"/sourceSpec/attributes/urlParams/queryParams", "[1]",
                                "sourceSpec.attributes.urlParams.queryParams"},
                      WrongType{"/sourceSpec/attributes/paginationParams", "[]",
                                "sourceSpec.attributes.paginationParams"},
                      WrongType{"/sourceSpec/attributes/paginationParams/type", "{}",
                                "sourceSpec.attributes.paginationParams.type"},
                      WrongType{"/sourceSpec/attributes/contentPath", "3",
                                "sourceSpec.attributes.contentPath"},
                      WrongType{"/sourceSpec/attributes/scheduleParams", R"("daily")",
                                "sourceSpec.attributes.scheduleParams"},
                      WrongType{"/sourceSpec/attributes/uiAttributes/category", "5",
                                "sourceSpec.attributes.uiAttributes.category"},
                      WrongType{"/type", "null", "type"}),
    [](const auto& info) { return ParamName(info.index, info.param.path); });

// JSON Pointers of every node below `v`.
void collect_pointers(const json::value& v, const std::string& at, std::vector<std::string>& out) {
  if (const auto* o = v.if_object())
    for (const auto& m : *o) {
      const std::string child = at + "/" + std::string(m.key());
      out.push_back(child);
      collect_pointers(m.value(), child, out);
    }
  if (const auto* a = v.if_array())
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string child = at + "/" + std::to_string(i);
      out.push_back(child);
      collect_pointers((*a)[i], child, out);
    }
}

// Every node of both reference bodies replaced, in turn, by every JSON type: validation
// always returns, and no problem is reported twice at the same path.
TEST(SpecHostile, EveryNodeReplacedByEveryType) {
  const std::array<std::string_view, 6> replacements = {"null", "7",  "\"${x}\"",
                                                        "[]",   "{}", "true"};
  for (const auto& base : {doc_body("seeds/000_6da393f14679e630.txt"),
                           doc_body("reference/adobe-docs/api__connection-specs.md")}) {
    std::vector<std::string> pointers;
    collect_pointers(base, "", pointers);
    for (const auto& pointer : pointers) {
      for (std::string_view replacement : replacements) {
        if (pointer.find('~') != std::string::npos) continue;
        auto doc = base;
        set_json(doc, pointer, replacement);
        const auto r = validate_connection_spec(doc);
        for (const auto& e : r.errors)
          EXPECT_EQ(count_at(r.errors, e.path), 1u) << pointer << " = " << replacement << "\n"
                                                    << describe(r);
      }
    }
  }
}

TEST(SpecHostile, DocumentOfAnotherType) {
  for (const char* text : {"[]", "\"spec\"", "null", "12"}) {
    const auto r = validate_connection_spec(parse_or_die(text));
    EXPECT_TRUE(HasError(r, "$", "must be an object")) << text;
  }
}

TEST(SpecHostile, UrlParamsAsAStringStillClassifiesAsBatch) {
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/urlParams", "/v1/items");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams", "must be an object"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SpecHostile, TenThousandPlaceholders) {
  std::string path = "/v1";
  for (int i = 0; i < 10000; ++i) path += "/${p" + std::to_string(i) + "}";
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/urlParams/path", json::string(path));
  const auto start = std::chrono::steady_clock::now();
  const auto r = validate_connection_spec(doc);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(r.errors.size(), 10000u);
}

TEST(SpecHostile, OneMegabyteStrings) {
  const std::string big(1 << 20, 'a');
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/urlParams/path", json::string("/" + big + "{" + big));
  set(doc, "/sourceSpec/attributes/contentPath", json::string("$." + big));
  set(doc, "/sourceSpec/attributes/uiAttributes/category/key", json::string(big));
  set(doc, "/sourceSpec/attributes/paginationParams/limitValue", json::string(big));
  set(doc, "/sourceSpec/attributes/" + big.substr(0, 1000), "x");
  set(doc, "/authSpec/0/spec/properties/password/pattern", json::string(big));
  set(doc, "/sourceSpec/attributes/urlParams/host", json::string(std::string(1 << 20, '{')));
  const auto r = validate_connection_spec(doc);
  EXPECT_FALSE(r.valid());
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.contentPath", "JSONPath"));
  EXPECT_TRUE(HasError(r, "authSpec[0].spec", "longer than"));
}

TEST(SpecHostile, DeepNestingUpToTheParseLimit) {
  constexpr int kLevels = 58;  // plus the spec's own levels: just under json::kMaxDepth
  std::string body, schema, path = "sourceSpec.attributes.bodyParams";
  for (int i = 0; i < kLevels; ++i) {
    body += R"({"a":)";
    schema += R"({"items":)";
    path += ".a";
  }
  body += R"("${deep}")";
  schema += R"({"type": "strin"})";
  for (int i = 0; i < kLevels; ++i) {
    body += "}";
    schema += "}";
  }
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/urlParams/method", "POST");
  set_json(doc, "/sourceSpec/attributes/bodyParams", body);
  set_json(doc, "/authSpec/0/spec/properties/password", schema);
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, path, "'${deep}'"));
  EXPECT_TRUE(HasError(r, "authSpec[0].spec", "'strin'"));
}

TEST(SpecHostile, RecursiveAndExplodingSchemasInAuthSpec) {
  auto doc = batch_spec();
  set_json(doc, "/authSpec/0/spec", R"({"type": "object", "allOf": [{"$ref": "#"}]})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec[0].spec", "recursive"));
  std::string laughs = R"({"type": "object", "definitions": {"a0": {"type": "string"})";
  for (int i = 1; i < 40; ++i)
    laughs += ",\"a" + std::to_string(i) + "\": {\"allOf\": [{\"$ref\": \"#/definitions/a" +
              std::to_string(i - 1) + "\"}, {\"$ref\": \"#/definitions/a" + std::to_string(i - 1) +
              "\"}]}";
  laughs += R"(}, "properties": {"x": {"$ref": "#/definitions/a39"}}})";
  set_json(doc, "/authSpec/0/spec", laughs);
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec[0].spec", "too large"));
}

}  // namespace
}  // namespace hw::spec::test
