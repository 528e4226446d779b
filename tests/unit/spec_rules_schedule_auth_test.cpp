// Connection spec rules: scheduleParams, authSpec and the embedded parameter schemas.
#include "spec/connection_spec_validator.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

namespace hw::spec::test {
namespace {

constexpr std::string_view kSchedule = "/sourceSpec/attributes/scheduleParams";
constexpr std::string_view kPath = "sourceSpec.attributes.scheduleParams";

std::string field(std::string_view name) {
  return std::string(kPath) + "." + std::string(name);
}

Report with_schedule(std::string_view params,
                     std::string_view query = R"({"query": "{SCHEDULE_QUERY}"})") {
  auto doc = batch_spec();
  set_json(doc, kSchedule, params);
  set_json(doc, "/sourceSpec/attributes/urlParams/queryParams", query);
  return validate_connection_spec(doc);
}

constexpr std::string_view kWindow = R"({"scheduleStartParamName": "since_last_changed",
  "scheduleEndParamName": "before_last_changed",
  "scheduleStartParamFormat": "yyyy-MM-ddTHH:mm:ss:fffffffK",
  "scheduleEndParamFormat": "yyyy-MM-ddTHH:mm:ss:fffffffK"})";

TEST(SpecSchedule, WindowFromTheDocsPasses) {
  EXPECT_TRUE(IsClean(with_schedule(kWindow)));
}

TEST(SpecSchedule, EpochFormatsPass) {
  EXPECT_TRUE(IsClean(with_schedule(R"({"scheduleStartParamName": "a", "scheduleEndParamName": "b",
    "scheduleStartParamFormat": "epoch", "scheduleEndParamFormat": "epochMillis"})")));
}

TEST(SpecSchedule, NamesAreRequiredTogether) {
  const auto r =
      with_schedule(R"({"scheduleStartParamName": "a", "scheduleStartParamFormat": "epoch"})");
  EXPECT_TRUE(HasError(r, field("scheduleEndParamName"), "is required"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SpecSchedule, FormatsAreRequiredAndMustParse) {
  const auto r = with_schedule(R"({"scheduleStartParamName": "a", "scheduleEndParamName": "b",
    "scheduleEndParamFormat": "yyyy-MM-dd QQ"})");
  EXPECT_TRUE(HasError(r, field("scheduleStartParamFormat"), "is required"));
  EXPECT_TRUE(HasError(r, field("scheduleEndParamFormat"), "is not a valid date format: "));
}

TEST(SpecSchedule, EmptyObjectIsAWarning) {
  const auto r = with_schedule("{}");
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, std::string(kPath), "is empty"));
}

constexpr std::string_view kAdvance = R"({"type": "ADVANCE", "paramFormat": "yyyy-MM-ddTHH:mm:ssK",
  "incremental": "type:user updated > {START_TIME} updated < {END_TIME}",
  "backfill": "type:user updated < {END_TIME}"})";

TEST(SpecSchedule, AdvanceFromTheDocsPasses) {
  EXPECT_TRUE(IsClean(with_schedule(kAdvance)));
}

TEST(SpecSchedule, AdvanceInAnyCaseWithTheQueryInTheBody) {
  auto doc = batch_spec();
  set_json(doc, kSchedule, R"({"type": "advance", "paramFormat": "epoch", "incremental": "x"})");
  set(doc, "/sourceSpec/attributes/urlParams/method", "POST");
  set_json(doc, "/sourceSpec/attributes/bodyParams", R"({"search": {"q": "{SCHEDULE_QUERY}"}})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecSchedule, AdvanceNeedsTheScheduleQueryPlaceholder) {
  const auto r = with_schedule(kAdvance, R"({"query": "all"})");
  EXPECT_TRUE(HasError(r, std::string(kPath), "{SCHEDULE_QUERY}"));
}

TEST(SpecSchedule, AdvanceNeedsFormatAndIncremental) {
  const auto r = with_schedule(R"({"type": "ADVANCE", "backfill": "x"})");
  EXPECT_TRUE(HasError(r, field("paramFormat"), "is required"));
  EXPECT_TRUE(HasError(r, field("incremental"), "is required"));
  EXPECT_TRUE(HasError(with_schedule(R"({"type": "ADVANCE", "paramFormat": "yyyy-MM-ddTHH:mm:ssQ",
    "incremental": "x"})"),
                       field("paramFormat"), "is not a valid date format"));
}

TEST(SpecSchedule, UnknownTypeIsAnError) {
  EXPECT_TRUE(HasError(with_schedule(R"({"type": "DAILY"})"), field("type"), "\"ADVANCE\""));
}

TEST(SpecSchedule, FieldsOfTheOtherModeAreWarnings) {
  const auto advance =
      with_schedule(R"({"type": "ADVANCE", "paramFormat": "epoch", "incremental": "x",
    "scheduleStartParamName": "since"})");
  EXPECT_TRUE(IsValid(advance));
  EXPECT_TRUE(HasWarning(advance, field("scheduleStartParamName"), "ignored"));
  const auto window = with_schedule(R"({"scheduleStartParamName": "a", "scheduleEndParamName": "b",
    "scheduleStartParamFormat": "epoch", "scheduleEndParamFormat": "epoch", "incremental": "x"})");
  EXPECT_TRUE(IsValid(window));
  EXPECT_TRUE(HasWarning(window, field("incremental"), "ADVANCE"));
}

constexpr std::string_view kAuth = "/authSpec";

TEST(SpecAuth, BatchNeedsARunnableType) {
  auto doc = batch_spec();
  set(doc, "/authSpec/0/type", "oAuth2-refresh-code");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "authSpec", "BasicAuthentication, OAuth2RefreshCode or KeyBased"));
  EXPECT_TRUE(HasWarning(r, "authSpec[0].type", "did you mean 'OAuth2RefreshCode'?"));
}

TEST(SpecAuth, BatchWithEmptyOrMissingAuthSpecIsAnError) {
  auto doc = batch_spec();
  set_json(doc, kAuth, "[]");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec", "needs an entry"));
  erase(doc, kAuth);
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec", "needs an entry"));
}

TEST(SpecAuth, TypesMatchInAnyCase) {
  auto doc = batch_spec();
  set(doc, "/authSpec/0/type", "basicauthentication");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecAuth, UnknownTypeBesideARunnableOneIsAWarning) {
  auto doc = batch_spec();
  doc.at_pointer("/authSpec")
      .as_array()
      .push_back(parse_or_die(
          R"({"name": "Custom", "type": "SAML", "spec": {"type": "object", "properties": {}}})"));
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "authSpec[1].type", "'SAML'"));
}

TEST(SpecAuth, NamesAreUniqueIgnoringCase) {
  auto doc = batch_spec();
  auto second = doc.at_pointer("/authSpec/0");
  second.as_object()["name"] = "BASIC authentication";
  doc.at_pointer("/authSpec").as_array().push_back(second);
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec[1].name", "authSpec[0]"));
}

TEST(SpecAuth, EntryFieldsAreRequired) {
  auto doc = batch_spec();
  set_json(doc, kAuth, R"([{"type": "BasicAuthentication"}])");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "authSpec[0].name", "'name' is required"));
  EXPECT_TRUE(HasError(r, "authSpec[0].spec", "'spec' is required"));
}

TEST(SpecAuth, SpecMustBeAValidSchema) {
  auto doc = batch_spec();
  set_json(doc, "/authSpec/0/spec/properties/port", R"({"type": "int"})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec[0].spec",
                       "'int' is not a JSON Schema type"));
}

TEST(SpecAuth, SpecTypeMustBeObject) {
  auto doc = batch_spec();
  set(doc, "/authSpec/0/spec/type", "string");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "authSpec[0].spec.type", "\"object\""));
}

constexpr std::string_view kKeyBased = R"([{"name": "API Key", "type": "KeyBased", "spec": {
  "type": "object", "properties": {
    "host": {"type": "string"},
    "authKey1": {"type": "string", "format": "password", "restAttributes": {"headerParamName": "X-Auth-Key1"}},
    "authKey2": {"type": "string", "restAttributes": {"queryParamName": "key2"}}},
  "required": ["authKey1"]}}])";

TEST(SpecAuth, KeyBasedFromTheDocsPasses) {
  auto doc = batch_spec();
  set_json(doc, kAuth, kKeyBased);
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecAuth, KeyBasedNeedsWhereTheKeyGoes) {
  auto doc = batch_spec();
  set_json(doc, kAuth, kKeyBased);
  erase(doc, "/authSpec/0/spec/properties/authKey1/restAttributes");
  set_json(doc, "/authSpec/0/spec/properties/authKey2/restAttributes", "{}");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasError(r, "authSpec[0].spec.properties.authKey2.restAttributes",
                       "'headerParamName' or 'queryParamName'"));
  EXPECT_TRUE(HasError(r, "authSpec[0].spec.properties", "KeyBased auth needs"));
}

TEST(SpecAuth, StreamingMayHaveNoAuth) {
  const auto doc = parse_or_die(
      R"({"name": "s", "providerId": "p", "type": "generic-streaming", "authSpec": []})");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecParamSchemas, SourceSpecSpecMustBeAValidSchema) {
  auto doc = batch_spec();
  set_json(doc, "/sourceSpec/spec/properties/listId", R"({"type": "string", "pattern": "[a-"})");
  EXPECT_TRUE(
      HasError(validate_connection_spec(doc), "sourceSpec.spec", "not a valid regular expression"));
  set_json(doc, "/sourceSpec/spec/properties/listId", R"({"$ref": "#/definitions/nowhere"})");
  EXPECT_TRUE(HasError(validate_connection_spec(doc), "sourceSpec.spec", "'$ref'"));
}

}  // namespace
}  // namespace hw::spec::test
