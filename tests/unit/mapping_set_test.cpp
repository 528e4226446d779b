#include "mapping/mapping_set.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <boost/json/monotonic_resource.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

using hw::mapping::MappingSet;
using hw::spec::Issue;
namespace bj = boost::json;

namespace {

// {"mappings":[…]} from (sourceType, source, destination) triples.
std::string mapping_set(
    std::initializer_list<std::tuple<std::string_view, std::string_view, std::string_view>>
        mappings) {
  bj::array out;
  for (const auto& [type, source, destination] : mappings)
    out.push_back({{"sourceType", type}, {"source", source}, {"destination", destination}});
  return bj::serialize(bj::object{{"mappings", std::move(out)}});
}

std::string render(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& issue : issues) out += issue.path + ": " + issue.message + "\n";
  return out;
}

MappingSet compiled(std::string_view json) {
  auto result = MappingSet::compile(bj::parse(json));
  if (auto* issues = std::get_if<std::vector<Issue>>(&result))
    throw std::runtime_error("unexpected issues:\n" + render(*issues));
  return std::move(std::get<MappingSet>(result));
}

std::vector<Issue> issues_of(std::string_view json) {
  auto result = MappingSet::compile(bj::parse(json));
  if (std::holds_alternative<MappingSet>(result))
    throw std::runtime_error(std::string("compiled, expected issues: ") + std::string(json));
  return std::get<std::vector<Issue>>(std::move(result));
}

std::vector<std::string> paths_of(const std::vector<Issue>& issues) {
  std::vector<std::string> paths;
  for (const auto& issue : issues) paths.push_back(issue.path);
  return paths;
}

// The one issue a mapping set produces, as "path: message".
std::string only_issue(std::string_view json) {
  const auto issues = issues_of(json);
  EXPECT_EQ(issues.size(), 1U) << render(issues);
  return issues.empty() ? std::string() : issues.front().path + ": " + issues.front().message;
}

bj::object applied(std::string_view set, std::string_view record) {
  return compiled(set).apply(bj::parse(record));
}

// ---- apply ------------------------------------------------------------------------------

TEST(MappingSetApply, AttributeCopiesTheValueIntoNestedObjects) {
  const auto out =
      applied(mapping_set({{"ATTRIBUTE", "merge_fields.FNAME", "person.name.firstName"},
                           {"ATTRIBUTE", "merge_fields.LNAME", "person.name.lastName"},
                           {"ATTRIBUTE", "id", "_id"}}),
              R"({"id": 7, "merge_fields": {"FNAME": "Ann", "LNAME": "Lee"}})");
  EXPECT_EQ(out, bj::parse(R"({"person": {"name": {"firstName": "Ann", "lastName": "Lee"}},
                               "_id": 7})"));
}

TEST(MappingSetApply, KeepsJsonTypesAndCopiesWholeObjectsAndArrays) {
  const auto out = applied(mapping_set({{"ATTRIBUTE", "n", "a.n"},
                                        {"ATTRIBUTE", "b", "a.b"},
                                        {"ATTRIBUTE", "tags", "a.tags"},
                                        {"ATTRIBUTE", "address", "home"}}),
                           R"({"n": 1.5, "b": false, "tags": ["x", "y"],
                               "address": {"city": "Oslo", "zip": "0150"}})");
  EXPECT_EQ(out, bj::parse(R"({"a": {"n": 1.5, "b": false, "tags": ["x", "y"]},
                               "home": {"city": "Oslo", "zip": "0150"}})"));
}

TEST(MappingSetApply, OverrideWrapperAttributeRecordsMapThroughTheWrapper) {
  // DESIGN §4: with overrideWrapperAttribute "email" each record is {"email": element}.
  const auto out = applied(mapping_set({{"ATTRIBUTE", "email.email_id", "personalEmail.address"},
                                        {"ATTRIBUTE", "email.status", "_tenant.status"}}),
                           R"({"email": {"email_id": "ann@example.com", "status": "subscribed"}})");
  EXPECT_EQ(out, bj::parse(R"({"personalEmail": {"address": "ann@example.com"},
                               "_tenant": {"status": "subscribed"}})"));
}

TEST(MappingSetApply, ConstantIsWrittenAsTheStringGiven) {
  const auto out = applied(mapping_set({{"CONSTANT", "mailchimp", "_tenant.source"},
                                        {"constant", "42", "_tenant.version"},
                                        {"Static", "", "_tenant.empty"}}),
                           "{}");
  EXPECT_EQ(out, bj::parse(R"({"_tenant": {"source": "mailchimp", "version": "42",
                                           "empty": ""}})"));
}

TEST(MappingSetApply, SourceTypeIsReadInAnyLetterCase) {
  const auto out = applied(mapping_set({{"attribute", "a", "x"}, {"AtTrIbUtE", "b", "y"}}),
                           R"({"a": 1, "b": 2})");
  EXPECT_EQ(out, bj::parse(R"({"x": 1, "y": 2})"));
}

TEST(MappingSetApply, MissingSourceLeavesTheDestinationAndEmptyObjectsOut) {
  const auto out = applied(mapping_set({{"ATTRIBUTE", "first", "person.name.firstName"},
                                        {"ATTRIBUTE", "last", "person.name.lastName"},
                                        {"ATTRIBUTE", "nope.deeper", "other.value"},
                                        {"ATTRIBUTE", "first.notAnObject", "x"},
                                        {"CONSTANT", "c", "person.kind"}}),
                           R"({"last": "Lee", "first": "Ann"})");
  EXPECT_EQ(out, bj::parse(R"({"person": {"name": {"firstName": "Ann", "lastName": "Lee"},
                                          "kind": "c"}})"));
  EXPECT_EQ(applied(mapping_set({{"ATTRIBUTE", "a", "deep.er.value"}}), "{}"), bj::object());
}

TEST(MappingSetApply, ArrayIndicesInSourcePaths) {
  const auto set = compiled(mapping_set({{"ATTRIBUTE", "items[0].id", "first"},
                                         {"ATTRIBUTE", "items[1].tags[1]", "secondTag"},
                                         {"ATTRIBUTE", "items[9].id", "missing"},
                                         {"ATTRIBUTE", "matrix[1][0]", "cell"},
                                         {"ATTRIBUTE", "name[0]", "notAnArray"}}));
  const auto out = set.apply(bj::parse(R"({"items": [{"id": "a"}, {"id": "b", "tags": ["p", "q"]}],
                                           "matrix": [[1, 2], [3, 4]], "name": "x"})"));
  EXPECT_EQ(out, bj::parse(R"({"first": "a", "secondTag": "q", "cell": 3})"));
}

TEST(MappingSetApply, NullSourcesCountAsMissingUnlessAllowNullValues) {
  const std::string mappings =
      R"("mappings": [{"sourceType": "ATTRIBUTE", "source": "a", "destination": "x.a"},
                      {"sourceType": "ATTRIBUTE", "source": "b", "destination": "x.b"}])";
  const std::string record = R"({"a": null, "b": 1})";
  EXPECT_EQ(applied("{" + mappings + "}", record), bj::parse(R"({"x": {"b": 1}})"));
  EXPECT_EQ(applied(R"({"allowNullValues": true, )" + mappings + "}", record),
            bj::parse(R"({"x": {"a": null, "b": 1}})"));
}

TEST(MappingSetApply, FieldsComeOutInMappingOrder) {
  const auto out = applied(mapping_set({{"CONSTANT", "1", "z"},
                                        {"CONSTANT", "2", "a.y"},
                                        {"CONSTANT", "3", "m"},
                                        {"CONSTANT", "4", "a.b"}}),
                           "{}");
  EXPECT_EQ(bj::serialize(out), R"({"z":"1","a":{"y":"2","b":"4"},"m":"3"})");
}

TEST(MappingSetApply, NonObjectRecordsGiveOnlyConstants) {
  const auto set = compiled(mapping_set({{"ATTRIBUTE", "a", "a"}, {"CONSTANT", "k", "k"}}));
  EXPECT_EQ(set.apply(bj::parse("[1, 2]")), bj::parse(R"({"k": "k"})"));
  EXPECT_EQ(set.apply(bj::value("text")), bj::parse(R"({"k": "k"})"));
}

TEST(MappingSetApply, FieldNamesMayHoldAnyCharacterButDotsAndBrackets) {
  const auto out = applied(mapping_set({{"ATTRIBUTE", "first-name", "person.first name"},
                                        {"ATTRIBUTE", "$meta.@id", "_id"}}),
                           R"({"first-name": "Ann", "$meta": {"@id": "m1"}})");
  EXPECT_EQ(out, bj::parse(R"({"person": {"first name": "Ann"}, "_id": "m1"})"));
}

TEST(MappingSetApply, UsesTheGivenStorageAndCanRunRepeatedly) {
  const auto set = compiled(mapping_set({{"ATTRIBUTE", "a.b", "x.y"}, {"CONSTANT", "c", "x.c"}}));
  bj::monotonic_resource page;
  const bj::storage_ptr storage(&page);
  for (int i = 0; i < 3; ++i) {
    const bj::value record = {{"a", {{"b", i}}}};
    const auto out = set.apply(record, storage);
    EXPECT_EQ(out.storage().get(), storage.get());
    EXPECT_EQ(out.at("x").as_object().storage().get(), storage.get());
    EXPECT_EQ(out, bj::parse(R"({"x": {"y": )" + std::to_string(i) + R"(, "c": "c"}})"));
  }
}

TEST(MappingSetApply, AWordForWordRepeatIsAccepted) {
  // Adobe's Zendesk tutorial maps result.verified to _extconndev.verified twice.
  const auto out = applied(mapping_set({{"ATTRIBUTE", "result.verified", "_ext.verified"},
                                        {"ATTRIBUTE", "result.verified", "_ext.verified"}}),
                           R"({"result": {"verified": true}})");
  EXPECT_EQ(out, bj::parse(R"({"_ext": {"verified": true}})"));
}

// ---- compile errors ---------------------------------------------------------------------

TEST(MappingSetCompile, TheDocumentAndItsMappingsArray) {
  EXPECT_EQ(only_issue("[]"), "$: must be a JSON object with a \"mappings\" array");
  EXPECT_EQ(only_issue("{}"),
            "mappings: is required: an array of mappings with sourceType, source and destination");
  EXPECT_EQ(only_issue(R"({"mappings": {}})"), "mappings: must be an array of mappings");
  EXPECT_EQ(only_issue(R"({"mappings": []})"), "mappings: must hold at least one mapping");
  EXPECT_EQ(only_issue(R"({"mappings": ["a"]})"),
            "mappings[0]: must be an object with sourceType, source and destination");
}

TEST(MappingSetCompile, AllowNullValuesIsABoolean) {
  const auto issues = issues_of(R"({"allowNullValues": "yes", "mappings": [
      {"sourceType": "CONSTANT", "source": "a", "destination": "a"}]})");
  EXPECT_EQ(render(issues), "allowNullValues: must be true or false\n");
}

TEST(MappingSetCompile, SourceType) {
  EXPECT_EQ(only_issue(R"({"mappings": [{"source": "a", "destination": "b"}]})"),
            "mappings[0].sourceType: is required: ATTRIBUTE or CONSTANT");
  EXPECT_EQ(only_issue(R"({"mappings": [{"sourceType": 1, "source": "a", "destination": "b"}]})"),
            "mappings[0].sourceType: must be a string");
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", "a"}, {"EXPRESSION", "lower(a)", "b"}})),
            "mappings[1].sourceType: 'EXPRESSION' is not supported; supported source types are "
            "ATTRIBUTE and CONSTANT (also written STATIC), in any letter case");
}

TEST(MappingSetCompile, SourceMustBeAString) {
  EXPECT_EQ(only_issue(R"({"mappings": [{"sourceType": "ATTRIBUTE", "destination": "b"}]})"),
            "mappings[0].source: is required: a field path in the input record, or the constant");
  // data-prep.yaml types MappingOperation.source as a string, constants included.
  EXPECT_EQ(
      only_issue(R"({"mappings": [{"sourceType": "CONSTANT", "source": 5, "destination": "b"}]})"),
      "mappings[0].source: must be a string");
}

TEST(MappingSetCompile, MalformedSourcePaths) {
  const std::vector<std::pair<std::string_view, std::string>> cases = {
      {"", "must not be empty: name a field of the input record"},
      {"a..b",
       "'a..b' is not a source path: has an empty field name (two dots, or a dot at either end)"},
      {".a",
       "'.a' is not a source path: has an empty field name (two dots, or a dot at either end)"},
      {"a.",
       "'a.' is not a source path: has an empty field name (two dots, or a dot at either end)"},
      {"items[x].id",
       "'items[x].id' is not a source path: '[x]' in 'items[x]' is not an array index; use a "
       "whole number such as [0]"},
      {"items[].id",
       "'items[].id' is not a source path: '[]' in 'items[]' is not an array index; use a whole "
       "number such as [0]"},
      {"items[-1]",
       "'items[-1]' is not a source path: '[-1]' in 'items[-1]' is not an array index; use a "
       "whole number such as [0]"},
      {"items[0", "'items[0' is not a source path: 'items[0' has a '[' without a ']'"},
      {"[0].id", "'[0].id' is not a source path: '[0]' has no field name before its index"},
      {"a]b", "'a]b' is not a source path: 'a]b' has a ']' without a '['"},
      {"items[0]x", "'items[0]x' is not a source path: 'items[0]x' has text after ']'"},
  };
  for (const auto& [source, message] : cases) {
    EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", source, "out"}})),
              "mappings[0].source: " + message)
        << source;
  }
}

TEST(MappingSetCompile, DestinationPaths) {
  EXPECT_EQ(only_issue(R"({"mappings": [{"sourceType": "ATTRIBUTE", "source": "a"}]})"),
            "mappings[0].destination: is required: a field path in the output record");
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", ""}})),
            "mappings[0].destination: must not be empty: name a field of the output");
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", "person..name"}})),
            "mappings[0].destination: 'person..name' is not a destination path: has an empty "
            "field name (two dots, or a dot at either end)");
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", "emails[0].address"}})),
            "mappings[0].destination: 'emails[0].address' is not a destination path: "
            "'emails[0]': array indices are not supported in destinations; objects are created "
            "as needed");
}

TEST(MappingSetCompile, DuplicateDestination) {
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", "person.name"},
                                    {"CONSTANT", "x", "other"},
                                    {"ATTRIBUTE", "b", "person.name"}})),
            "mappings[2].destination: 'person.name' is already the destination of mappings[0] "
            "with another source; a destination takes one mapping");
  // The same source text under another type is another mapping.
  EXPECT_EQ(paths_of(issues_of(mapping_set({{"ATTRIBUTE", "a", "x"}, {"CONSTANT", "a", "x"}}))),
            std::vector<std::string>{"mappings[1].destination"});
}

TEST(MappingSetCompile, DestinationInsideAnotherDestination) {
  EXPECT_EQ(only_issue(mapping_set({{"ATTRIBUTE", "a", "a.b"}, {"ATTRIBUTE", "c", "a.b.c"}})),
            "mappings[1].destination: 'a.b.c' lies inside 'a.b', the destination of "
            "mappings[0]; a field cannot be both a value and an object");
}

TEST(MappingSetCompile, DestinationContainingAnotherDestination) {
  EXPECT_EQ(
      only_issue(mapping_set(
          {{"ATTRIBUTE", "c", "a.b.c"}, {"ATTRIBUTE", "d", "a.b.d"}, {"ATTRIBUTE", "a", "a.b"}})),
      "mappings[2].destination: 'a.b' contains 'a.b.c', the destination of mappings[0]; "
      "a field cannot be both a value and an object");
}

TEST(MappingSetCompile, EveryProblemIsReportedAtOnce) {
  const auto issues = issues_of(R"json({"allowNullValues": 1, "mappings": [
      {"sourceType": "ATTRIBUTE", "source": "ok", "destination": "person.name"},
      {"sourceType": "EXPRESSION", "source": "upper(x)", "destination": ""},
      7,
      {"sourceType": "ATTRIBUTE", "source": "a..b"},
      {"sourceType": "CONSTANT", "source": "k", "destination": "person.name.first"},
      {"sourceType": "ATTRIBUTE", "source": "b", "destination": "person.name"}
  ]
})json");
  EXPECT_EQ(paths_of(issues), (std::vector<std::string>{
                                  "allowNullValues",
                                  "mappings[1].sourceType",
                                  "mappings[1].destination",
                                  "mappings[2]",
                                  "mappings[3].source",
                                  "mappings[3].destination",
                                  "mappings[4].destination",
                                  "mappings[5].destination",
                              }))
      << render(issues);
}

TEST(MappingSetCompile, OtherMembersOfAMappingAreIgnored) {
  // Adobe's examples carry name, description, identity and version beside the three fields.
  const auto out = applied(R"({"version": 0, "xdmSchema": "https://ns.adobe.com/x",
      "mappings": [{"sourceType": "ATTRIBUTE", "source": "id", "destination": "_id",
                    "name": "id", "description": "Identifier field", "identity": false}]})",
                           R"({"id": "1234"})");
  EXPECT_EQ(out, bj::parse(R"({"_id": "1234"})"));
}

}  // namespace
