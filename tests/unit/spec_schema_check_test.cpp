// JSON Schema checks through valijson: paths, readable messages, and hostile schemas and
// instances.
#include "spec/schema_check.hpp"
#include "support/fixtures.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace hw::spec::test {
namespace {

// The first `"key": {...}` object in a markdown document (balanced braces; the documents'
// strings hold none).
json::value object_in_doc(const std::string& rel, std::string_view key) {
  const std::string doc = hw::test::read_file(hw::test::shared_path(rel));
  const std::size_t start = doc.find('{', doc.find("\"" + std::string(key) + "\":"));
  std::size_t depth = 0, end = start;
  do {
    depth += doc[end] == '{';
    depth -= doc[end] == '}';
    ++end;
  } while (depth > 0 && end < doc.size());
  return parse_or_die(std::string_view(doc).substr(start, end - start));
}

const json::value& periodic_schedule_spec() {
  static const json::value spec =
      object_in_doc("reference/adobe-docs/api__flow-specs.md", "scheduleSpec").at("spec");
  return spec;
}

Report schedule(std::string_view params) {
  return validate_instance(periodic_schedule_spec(), parse_or_die(params), "scheduleParams");
}

TEST(SchemaCheckDraft7, PeriodicScheduleFromTheDocs) {
  EXPECT_TRUE(
      IsClean(schedule(R"({"startTime": 1700000000, "frequency": "minute", "interval": 15})")));
  EXPECT_TRUE(IsClean(schedule(R"({"startTime": 1700000000, "frequency": "once"})")));
  EXPECT_TRUE(IsClean(schedule(R"({"startTime": 1700000000, "frequency": "hour", "interval": 1,
                                   "backfill": false})")));
}

TEST(SchemaCheckDraft7, OnceWithIntervalFailsTheNotClause) {
  const auto r = schedule(R"({"startTime": 1700000000, "frequency": "once", "interval": 5})");
  EXPECT_TRUE(HasError(r, "scheduleParams", "must not match"));
}

TEST(SchemaCheckDraft7, MinuteNeedsAtLeastFifteen) {
  const auto r = schedule(R"({"startTime": 1700000000, "frequency": "minute", "interval": 10})");
  EXPECT_TRUE(HasError(r, "scheduleParams.interval", "must be at least 15"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SchemaCheckDraft7, IntervalRequiredUnlessOnce) {
  const auto r = schedule(R"({"startTime": 1700000000, "frequency": "day"})");
  EXPECT_TRUE(HasError(r, "scheduleParams.interval", "'interval' is required"));
}

TEST(SchemaCheckDraft7, EnumTypeAndRequiredMessages) {
  const auto r = schedule(R"({"startTime": "yesterday", "frequency": "yearly", "interval": 1})");
  EXPECT_TRUE(HasError(r, "scheduleParams.startTime", "must be an integer, not a string"));
  EXPECT_TRUE(HasError(r, "scheduleParams.frequency", R"(must be one of "once", "minute")"));
  EXPECT_TRUE(HasError(schedule(R"({"interval": 1})"), "scheduleParams.frequency", "is required"));
}

TEST(SchemaCheckDraft7, ConstAndAllOf) {
  const auto schema = parse_or_die(R"({"allOf": [{"properties": {"kind": {"const": "user"}}},
                                                  {"required": ["kind"]}]})");
  EXPECT_TRUE(IsClean(validate_instance(schema, parse_or_die(R"({"kind": "user"})"), "x")));
  EXPECT_TRUE(HasError(validate_instance(schema, parse_or_die(R"({"kind": "group"})"), "x"),
                       "x.kind", R"(must be "user")"));
  EXPECT_TRUE(
      HasError(validate_instance(schema, parse_or_die("{}"), "x"), "x.kind", "is required"));
}

TEST(SchemaCheckPaths, NestedObjectsAndArraysBecomeDottedPaths) {
  const auto schema = parse_or_die(R"({"type": "object", "properties": {
    "server": {"type": "object", "properties": {"ports": {"type": "array", "items": {"type": "integer"}}},
               "required": ["host"]},
    "0": {"type": "string"}}})");
  const auto r = validate_instance(
      schema, parse_or_die(R"({"server": {"ports": [80, "x"]}, "0": 1})"), "auth.params");
  EXPECT_TRUE(HasError(r, "auth.params.server.ports[1]", "must be an integer, not a string"));
  EXPECT_TRUE(HasError(r, "auth.params.server.host", "'host' is required"));
  EXPECT_TRUE(HasError(r, "auth.params.0", "must be a string"));
  EXPECT_EQ(r.errors.size(), 3u) << describe(r);
}

TEST(SchemaCheckPaths, RootPathAndAdditionalProperties) {
  const auto schema =
      parse_or_die(R"({"type": "object", "properties": {"a": {}}, "additionalProperties": false})");
  EXPECT_TRUE(HasError(validate_instance(schema, parse_or_die(R"({"a": 1, "b": 2})"), "$"), "b",
                       "not allowed"));
  EXPECT_TRUE(HasError(validate_instance(schema, parse_or_die("[]"), "$"), "$",
                       "must be an object, not an array"));
}

TEST(SchemaCheckMessages, BoundsAndFormats) {
  const auto schema = parse_or_die(R"({"properties": {
    "name": {"type": "string", "minLength": 1, "maxLength": 3},
    "when": {"type": "string", "format": "date"},
    "code": {"type": "string", "pattern": "^[A-Z]+$"},
    "ratio": {"type": "number", "exclusiveMaximum": 1},
    "tags": {"type": "array", "uniqueItems": true, "minItems": 1}}})");
  const auto r = validate_instance(schema, parse_or_die(R"({"name": "long", "when": "tomorrow",
    "code": "abc", "ratio": 1.5, "tags": ["a", "a"]})"),
                                   "p");
  EXPECT_TRUE(HasError(r, "p.name", "must be at most 3 characters long"));
  EXPECT_TRUE(HasError(r, "p.when", "must be a date like"));
  EXPECT_TRUE(HasError(r, "p.code", "does not match the pattern '^[A-Z]+$'"));
  EXPECT_TRUE(HasError(r, "p.ratio", "must be less than 1"));
  EXPECT_TRUE(HasError(r, "p.tags", "unique"));
  EXPECT_TRUE(HasError(validate_instance(schema, parse_or_die(R"({"name": ""})"), "p"), "p.name",
                       "must not be empty"));
}

TEST(SchemaCheckMessages, PasswordFormatOnAWrongTypeIsJustATypeError) {
  const auto schema =
      parse_or_die(R"({"properties": {"password": {"type": "string", "format": "password"},
                                                       "day": {"format": "date"}}})");
  const auto r =
      validate_instance(schema, parse_or_die(R"({"password": 5, "day": 7})"), "auth.params");
  EXPECT_TRUE(HasError(r, "auth.params.password", "must be a string, not a number"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SchemaProblem, ValidSchemasHaveNone) {
  EXPECT_EQ(schema_problem(periodic_schedule_spec()), std::nullopt);
  EXPECT_EQ(schema_problem(parse_or_die("true")), std::nullopt);
  EXPECT_EQ(schema_problem(parse_or_die(R"({"definitions": {"n": {"type": "string"}},
    "properties": {"a": {"$ref": "#/definitions/n"}, "b": {"$ref": "#/properties/a"}}})")),
            std::nullopt);
}

TEST(SchemaProblem, NamesWhatIsWrong) {
  const auto problem = [](std::string_view text) {
    return schema_problem(parse_or_die(text)).value_or("");
  };
  EXPECT_NE(problem(R"({"properties": {"a": {"type": "strng"}}})").find("did you mean 'string'?"),
            std::string::npos);
  EXPECT_NE(problem(R"({"type": 7})").find("'type'"), std::string::npos);
  EXPECT_NE(problem(R"("object")").find("schema"), std::string::npos);
  EXPECT_NE(problem(R"({"pattern": "(unclosed"})").find("regular expression"), std::string::npos);
  EXPECT_NE(problem(R"({"$ref": "http://example.com/schema.json"})").find("local"),
            std::string::npos);
  EXPECT_NE(problem(R"({"$ref": "#/definitions/missing"})").find("does not point"),
            std::string::npos);
  EXPECT_NE(problem(R"({"minimum": "ten"})"), "");
}

TEST(SchemaProblem, RecursiveRefsAreRefusedNotFollowedForever) {
  for (const char* text :
       {R"({"$ref": "#"})", R"({"allOf": [{"$ref": "#"}]})",
        R"({"properties": {"a": {"$ref": "#"}}})",
        R"({"$ref": "#/definitions/a", "definitions": {"a": {"$ref": "#/definitions/a"}}})"}) {
    const auto problem = schema_problem(parse_or_die(text));
    ASSERT_TRUE(problem.has_value()) << text;
    EXPECT_NE(problem->find("recursive"), std::string::npos) << *problem;
  }
}

TEST(SchemaProblem, ExponentialRefExpansionIsRefusedQuickly) {
  std::string text = R"({"definitions": {"a0": {"type": "string"})";
  for (int i = 1; i < 60; ++i)
    text += ",\"a" + std::to_string(i) + "\": {\"allOf\": [{\"$ref\": \"#/definitions/a" +
            std::to_string(i - 1) + "\"}, {\"$ref\": \"#/definitions/a" + std::to_string(i - 1) +
            "\"}]}";
  text += R"(}, "$ref": "#/definitions/a59"})";
  const auto start = std::chrono::steady_clock::now();
  const auto problem = schema_problem(parse_or_die(text));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("too large"), std::string::npos) << *problem;
}

TEST(SchemaCheckHostile, LongStringsNeverReachTheRegexEngine) {
  const auto schema =
      parse_or_die(R"({"properties": {"a": {"type": "string", "pattern": "^[0-9]*$"},
                                                      "d": {"type": "string", "format": "date-time"}}})");
  const std::string digits(1 << 20, '1');
  json::object instance{{"a", digits}, {"d", digits}};
  const auto r = validate_instance(schema, instance, "p");
  EXPECT_TRUE(HasError(r, "p.a", "at most 4096 characters"));
  EXPECT_TRUE(HasError(r, "p.d", "at most 4096 characters"));
  EXPECT_TRUE(IsClean(validate_instance(schema, json::object{{"a", std::string(4096, '7')}}, "p")));
}

TEST(SchemaCheckHostile, HugeUniqueItemsArrayIsRefusedNotCompared) {
  const auto schema = parse_or_die(R"({"type": "array", "uniqueItems": true})");
  json::array items;
  for (int i = 0; i < 100000; ++i) items.emplace_back(i);
  const auto start = std::chrono::steady_clock::now();
  const auto r = validate_instance(schema, items, "list");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(HasError(r, "list", "at most 2000 items"));
}

TEST(SchemaCheckHostile, LongKeysAgainstPatternProperties) {
  const auto schema = parse_or_die(R"({"patternProperties": {"^x-": {"type": "string"}}})");
  json::object instance;
  instance[std::string(100000, 'x')] = 1;
  EXPECT_TRUE(HasError(validate_instance(schema, instance, "h"), "h", "property name longer than"));
  EXPECT_TRUE(HasError(validate_instance(schema, parse_or_die(R"({"x-a": 1})"), "h"), "h.x-a",
                       "must be a string"));
}

TEST(SchemaCheckHostile, InvalidSchemaIsOneErrorAtTheBasePath) {
  const auto r =
      validate_instance(parse_or_die(R"({"$ref": "#"})"), parse_or_die("{}"), "auth.params");
  EXPECT_TRUE(HasError(r, "auth.params", "its schema is not a valid JSON Schema"));
}

TEST(SchemaCheckThreads, OneCompiledSchemaSharedByManyThreads) {
  const auto compiled = CompiledSchema::compile(periodic_schedule_spec());
  ASSERT_TRUE(std::holds_alternative<CompiledSchema>(compiled));
  const auto& schema = std::get<CompiledSchema>(compiled);
  const auto bad = parse_or_die(R"({"startTime": 1, "frequency": "minute", "interval": 10})");
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        if (schema.validate(bad, "s").errors.size() != 1) ++wrong;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace hw::spec::test
