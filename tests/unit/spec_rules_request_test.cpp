// Connection spec rules: top level, family, placeholders, request parts, record paths.
#include "spec/connection_spec_validator.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

namespace hw::spec::test {
namespace {

constexpr std::string_view kAttrs = "/sourceSpec/attributes";
constexpr std::string_view kUrl = "/sourceSpec/attributes/urlParams";

std::string at(std::string_view base, std::string_view rest) {
  return std::string(base) + std::string(rest);
}

TEST(SpecTopLevel, BaseSpecIsClean) {
  EXPECT_TRUE(IsClean(validate_connection_spec(batch_spec())));
}

TEST(SpecTopLevel, NameIsRequired) {
  auto doc = batch_spec();
  erase(doc, "/name");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "name", "'name' is required"));
}

TEST(SpecTopLevel, NameMustNotBeEmpty) {
  auto doc = batch_spec();
  set(doc, "/name", "");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "name", "must not be empty"));
}

TEST(SpecTopLevel, ProviderIdMustBeAString) {
  auto doc = batch_spec();
  set(doc, "/providerId", 42);
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "providerId", "must be a string, not a number"));
  erase(doc, "/providerId");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "providerId", "is required"));
}

TEST(SpecFamily, NeitherBatchNorStreamingIsAnError) {
  auto doc = batch_spec();
  erase(doc, at(kAttrs, "/urlParams"));
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams", "generic-streaming"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SpecFamily, StreamingByTypeInAnyCaseSkipsBatchRules) {
  auto doc = batch_spec();
  erase(doc, at(kAttrs, "/urlParams"));
  erase(doc, at(kAttrs, "/contentPath"));
  erase(doc, at(kAttrs, "/paginationParams"));
  set(doc, "/type", "Generic-Streaming");
  set_json(doc, "/authSpec", "[]");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecFamily, ListedInStreamingFlowSpecMakesItStreaming) {
  auto doc = batch_spec();
  erase(doc, at(kAttrs, "/urlParams"));
  erase(doc, at(kAttrs, "/contentPath"));
  erase(doc, at(kAttrs, "/paginationParams"));
  EXPECT_FALSE(validate_connection_spec(doc, false).valid());
  EXPECT_TRUE(IsClean(validate_connection_spec(doc, true)));
}

TEST(SpecFamily, StreamingSpecWarnsAboutBatchOnlyAttributes) {
  auto doc = batch_spec();
  set(doc, "/type", "generic-streaming");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.urlParams", "streaming"));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.paginationParams", "streaming"));
}

TEST(SpecFamily, TargetSpecIsValid) {
  const auto doc = parse_or_die(R"({"name": "Data Lake", "providerId": "p", "authSpec": [],
    "targetSpec": {"name": "DataLake", "type": "DataLake",
                   "spec": {"type": "object", "properties": {"dataSetId": {"type": "string"}},
                            "required": ["dataSetId"]}}})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecFamily, TargetSpecSchemaMustBeValid) {
  const auto doc = parse_or_die(R"({"name": "t", "providerId": "p",
    "targetSpec": {"spec": {"type": "object", "required": "dataSetId"}}})");
  EXPECT_TRUE(
      HasError(validate_connection_spec(doc), "targetSpec.spec", "'required' must be a list"));
}

TEST(SpecPlaceholders, DeclaredInSourceSpecOrAuthSpecPass) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/host"), "https://${host}");
  set(doc, at(kUrl, "/path"), "/v1/${listId}/{{username}}");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecPlaceholders, UndeclaredInPathIsAnErrorWithTheFix) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"), "/v1/${campaignId}/members");
  EXPECT_TRUE(
      HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.path",
               "'${campaignId}' is not declared; add 'campaignId' to sourceSpec.spec.properties"));
}

TEST(SpecPlaceholders, SuggestsACloseDeclaredName) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"), "/v1/${listID}/members");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.path",
                       "did you mean 'listId'?"));
}

TEST(SpecPlaceholders, DoubleBraceFormIsChecked) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/host"), "https://{{HOST_NAME}}.example.com");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.host",
                       "'{{HOST_NAME}}' is not declared"));
}

TEST(SpecPlaceholders, QueryParamObjectValueReportsItsOwnPath) {
  auto doc = batch_spec();
  set_json(doc, at(kUrl, "/queryParams"), R"({"since": "${since}", "count": 5, "all": true})");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.queryParams.since", "'${since}'"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SpecPlaceholders, StringFormsAndBodyAreScanned) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/method"), "POST");
  set(doc, at(kUrl, "/queryParams"), "a=${qa},b=1");
  set(doc, at(kAttrs, "/headerParams"), "x-key=${hk}");
  set_json(doc, at(kAttrs, "/bodyParams"), R"({"filter": [{"id": "${bodyId}"}]})");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.queryParams", "'qa'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.headerParams", "'hk'"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.bodyParams.filter[0].id", "'bodyId'"));
}

TEST(SpecPlaceholders, BuiltInsNeedNoDeclaration) {
  auto doc = batch_spec();
  set_json(doc, at(kUrl, "/queryParams"),
           R"({"q": "{SCHEDULE_QUERY}", "from": "{START_TIME}", "to": "{END_TIME}"})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecPlaceholders, DollarFormOfABuiltInPointsAtTheBuiltIn) {
  auto doc = batch_spec();
  set_json(doc, at(kUrl, "/queryParams"), R"({"from": "${START_TIME}"})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc),
                       "sourceSpec.attributes.urlParams.queryParams.from", "written {START_TIME}"));
}

TEST(SpecPlaceholders, SingleBraceNameIsAWarning) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/host"), "https://{domain}.api.mailchimp.com");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.urlParams.host", "write ${domain}"));
}

TEST(SpecPlaceholders, JsonTextInBracesIsLeftAlone) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/method"), "POST");
  set(doc, at(kAttrs, "/bodyParams"), R"({"query": {"match_all": {}}})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecPlaceholders, AtExpressionIsAWarningOnly) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"),
      "/api/v2/search/export@{if(empty(coalesce(pipeline()?.parameters?.ingestionStart,'')),'?"
      "query=type:user&filter[type]=user&','')}");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.urlParams.path", "'@{...}'"));
}

TEST(SpecPlaceholders, UnclosedAndEmptyPlaceholdersAreErrors) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"), "/v1/${}/x");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.path",
                       "names no parameter"));
  set(doc, at(kUrl, "/path"), "/v1/${listId");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.path",
                       "unclosed '${'"));
}

TEST(SpecPlaceholders, OneErrorPerNamePerField) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"), "/${a}/${a}/${b}");
  const auto r = validate_connection_spec(doc);
  EXPECT_EQ(count_at(r.errors, "sourceSpec.attributes.urlParams.path"), 2u) << describe(r);
}

TEST(SpecRequestParts, PathIsRequired) {
  auto doc = batch_spec();
  erase(doc, at(kUrl, "/path"));
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.path",
                       "needs 'path'"));
}

TEST(SpecRequestParts, PathMustBeAString) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/path"), 7);
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.path", "must be a string"));
  EXPECT_EQ(count_at(r.errors, "sourceSpec.attributes.urlParams.path"), 1u) << describe(r);
}

TEST(SpecRequestParts, MissingMethodWarnsThatItDefaultsToGet) {
  auto doc = batch_spec();
  erase(doc, at(kUrl, "/method"));
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.urlParams.method", "GET"));
}

TEST(SpecRequestParts, MethodIsGetOrPostInAnyCase) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/method"), "post");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
  set(doc, at(kUrl, "/method"), "PUT");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.urlParams.method",
                       "use \"GET\" or \"POST\""));
}

TEST(SpecRequestParts, BodyParamsOnlyWithPost) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/bodyParams"), R"({"a": 1})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.bodyParams", "POST"));
  erase(doc, at(kUrl, "/method"));
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.bodyParams", "POST"));
  set(doc, at(kUrl, "/method"), "POST");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecRequestParts, ParamsAsObjectOrPairString) {
  auto doc = batch_spec();
  set_json(doc, at(kUrl, "/queryParams"), R"({"a": "1", "b": 2, "c": false})");
  set(doc, at(kAttrs, "/headerParams"), "Content-Type=application/json, x-id=7,");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecRequestParts, MalformedPairStringEntries) {
  auto doc = batch_spec();
  set(doc, at(kUrl, "/queryParams"), "a=1,broken");
  set(doc, at(kAttrs, "/headerParams"), "=x");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.urlParams.queryParams", "'broken' has no '='"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.headerParams", "no name"));
}

TEST(SpecRequestParts, ParamValuesMustBeScalars) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/headerParams"), R"({"x": {"nested": 1}})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.headerParams.x",
                       "must be a string, a number or a boolean, not an object"));
}

TEST(SpecRecordPaths, ContentPathIsRequiredWithAHint) {
  auto doc = batch_spec();
  erase(doc, at(kAttrs, "/contentPath"));
  EXPECT_TRUE(
      HasError(validate_connection_spec(doc), "sourceSpec.attributes.contentPath", "use \"$\""));
}

TEST(SpecRecordPaths, RootPathAndObjectFormPass) {
  auto doc = batch_spec();
  set(doc, at(kAttrs, "/contentPath"), "$");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
  set_json(
      doc, at(kAttrs, "/contentPath"),
      R"({"path": "$.members", "skipAttributes": ["_links"], "overrideWrapperAttribute": "member"})");
  set_json(doc, at(kAttrs, "/explodeEntityPath"),
           R"({"path": "$.member.activity", "keepAttributes": ["a"]})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecRecordPaths, InvalidJsonPathStringReportsOffset) {
  auto doc = batch_spec();
  set(doc, at(kAttrs, "/contentPath"), "$.members[");
  EXPECT_TRUE(
      HasError(validate_connection_spec(doc), "sourceSpec.attributes.contentPath", "offset"));
}

TEST(SpecRecordPaths, ObjectNeedsAValidPath) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/contentPath"), R"({"skipAttributes": []})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.contentPath.path",
                       "is required"));
  set_json(doc, at(kAttrs, "/contentPath"), R"({"path": "members["})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.contentPath.path",
                       "JSONPath"));
}

TEST(SpecRecordShaping, AnExplodePathOutsideTheWrapperIsRefusedAtRegistration) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/contentPath"),
           R"({"path": "$.members", "overrideWrapperAttribute": "member"})");
  set(doc, at(kAttrs, "/explodeEntityPath"), "$.activity");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.explodeEntityPath",
                       "$.member."));
  set(doc, at(kAttrs, "/explodeEntityPath"), "$.member.activity");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecRecordShaping, ASchemaThatDoesNotDescribeTheRecordsIsRefusedAtRegistration) {
  auto doc = batch_spec();
  set(doc, at(kAttrs, "/contentPath"), "$.members");
  set_json(doc, "/sourceSpec/schema",
           R"({"type": "object", "properties": {"members": {"type": "array",
               "items": {"type": "object", "required": ["id"]}}}})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
  set_json(doc, "/sourceSpec/schema", R"({"type": "object", "properties": {"total": {}}})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.schema", ""));
}

TEST(SpecRecordPaths, ExplodeEntityPathIsChecked) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/explodeEntityPath"), R"({"path": "$..["})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc),
                       "sourceSpec.attributes.explodeEntityPath.path", "JSONPath"));
  set(doc, at(kAttrs, "/explodeEntityPath"), "$.a[");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.attributes.explodeEntityPath",
                       "JSONPath"));
}

TEST(SpecRecordPaths, SkipAndKeepTogetherIsAWarning) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/contentPath"),
           R"({"path": "$.m", "skipAttributes": ["a"], "keepAttributes": ["b"]})");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.contentPath", "keep only one"));
}

TEST(SpecRecordPaths, AttributeListsAndWrapperAreTyped) {
  auto doc = batch_spec();
  set_json(doc, at(kAttrs, "/contentPath"),
           R"({"path": "$.m", "skipAttributes": ["a", 3], "overrideWrapperAttribute": ""})");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(
      HasError(r, "sourceSpec.attributes.contentPath.skipAttributes[1]", "must be a string"));
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.contentPath.overrideWrapperAttribute",
                       "must not be empty"));
}

TEST(SpecRecordPaths, WrongTypeIsReportedOnce) {
  auto doc = batch_spec();
  set(doc, at(kAttrs, "/contentPath"), 12);
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "sourceSpec.attributes.contentPath",
                       "must be a string or an object, not a number"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

}  // namespace
}  // namespace hw::spec::test
