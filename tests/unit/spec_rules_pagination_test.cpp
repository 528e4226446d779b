// Connection spec rules: paginationParams.
#include "spec/connection_spec_validator.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

namespace hw::spec::test {
namespace {

constexpr std::string_view kPagination = "/sourceSpec/attributes/paginationParams";
constexpr std::string_view kPath = "sourceSpec.attributes.paginationParams";

std::string field(std::string_view name) {
  return std::string(kPath) + "." + std::string(name);
}

Report with_pagination(std::string_view params) {
  auto doc = batch_spec();
  set_json(doc, kPagination, params);
  return validate_connection_spec(doc);
}

TEST(SpecPagination, MissingIsAWarningMeaningNone) {
  auto doc = batch_spec();
  erase(doc, kPagination);
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, std::string(kPath), "NONE"));
}

TEST(SpecPagination, TypeInAnyLetterCase) {
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "offset", "limitName": "n", "limitValue": "10",
                                          "offSetName": "o"})")));
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "None"})")));
}

TEST(SpecPagination, TypeIsRequired) {
  EXPECT_TRUE(HasError(with_pagination(R"({"limitName": "n"})"), field("type"), "is required"));
}

TEST(SpecPagination, UnknownTypeListsAllowedValuesAndSuggests) {
  const auto r = with_pagination(R"({"type": "continuation-token"})");
  EXPECT_TRUE(HasError(r, field("type"), "OFFSET, POINTER, CONTINUATION_TOKEN, PAGE or NONE"));
  EXPECT_TRUE(HasError(r, field("type"), "did you mean 'CONTINUATION_TOKEN'?"));
}

TEST(SpecPagination, OffsetNeedsItsFields) {
  const auto r = with_pagination(R"({"type": "OFFSET"})");
  EXPECT_TRUE(HasError(r, field("limitName"), "OFFSET pagination needs 'limitName'"));
  EXPECT_TRUE(HasError(r, field("limitValue"), "OFFSET pagination needs 'limitValue'"));
  EXPECT_TRUE(HasError(
      r, field("offSetName"),
      "OFFSET pagination needs 'offSetName': the query parameter that carries the offset"));
}

TEST(SpecPagination, OffsetNameAlias) {
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "OFFSET", "limitName": "n", "limitValue": 5,
                                          "offsetName": "o"})")));
  const auto both = with_pagination(R"({"type": "OFFSET", "limitName": "n", "limitValue": 5,
                                        "offsetName": "o", "offSetName": "o"})");
  EXPECT_TRUE(IsValid(both));
  EXPECT_TRUE(HasWarning(both, field("offsetName"), "another name for 'offSetName'"));
}

TEST(SpecPagination, PointerNeedsAPathThatParsesWhenItIsJsonPath) {
  EXPECT_TRUE(HasError(with_pagination(R"({"type": "POINTER", "limitName": "n", "limitValue": 5})"),
                       field("pointerPath"), "POINTER pagination needs 'pointerPath'"));
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "POINTER", "limitName": "n", "limitValue": 5,
                                          "pointerPath": "$.paging.next"})")));
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "POINTER", "limitName": "n", "limitValue": 5,
                                          "pointerName": "next"})")));
  EXPECT_TRUE(HasError(with_pagination(R"({"type": "POINTER", "limitName": "n", "limitValue": 5,
                                           "pointerPath": "$.paging["})"),
                       field("pointerPath"), "JSONPath"));
}

TEST(SpecPagination, ContinuationTokenFromTheDocs) {
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "CONTINUATION_TOKEN",
    "continuationTokenPath": "$.meta.after_cursor", "parameterType": "QUERYPARAM",
    "parameterName": "page[after]", "delayRequestMillis": "850"})")));
}

TEST(SpecPagination, ContinuationTokenNeedsItsFields) {
  const auto r = with_pagination(R"({"type": "CONTINUATION_TOKEN"})");
  EXPECT_TRUE(HasError(r, field("continuationTokenPath"), "CONTINUATION_TOKEN pagination needs"));
  EXPECT_TRUE(HasError(r, field("parameterType"), "QUERYPARAM or HEADERPARAM"));
  EXPECT_TRUE(HasError(r, field("parameterName"), "needs 'parameterName'"));
}

TEST(SpecPagination, ContinuationTokenValues) {
  EXPECT_TRUE(
      IsClean(with_pagination(R"({"type": "continuation_token", "continuationTokenPath": "$.next",
    "parameterType": "headerparam", "parameterName": "x-token"})")));
  const auto r = with_pagination(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath": "next[",
    "parameterType": "BODY", "parameterName": "t"})");
  EXPECT_TRUE(HasError(r, field("continuationTokenPath"), "JSONPath"));
  EXPECT_TRUE(HasError(r, field("parameterType"), "use QUERYPARAM or HEADERPARAM"));
}

TEST(SpecPagination, PageFromTheDocs) {
  EXPECT_TRUE(
      IsClean(with_pagination(R"({"type": "PAGE", "limitName": "pageSize", "limitValue": 100,
    "initialPageIndex": 1, "endPageIndex": "headers.x-pagecount", "pageParamName": "pageNumber",
    "maximumRequest": 10000})")));
}

TEST(SpecPagination, PageNeedsPageParamName) {
  EXPECT_TRUE(HasError(with_pagination(R"({"type": "PAGE", "limitName": "n", "limitValue": 1})"),
                       field("pageParamName"), "PAGE pagination needs 'pageParamName'"));
}

TEST(SpecPagination, EndPageIndexForms) {
  for (const char* ok : {R"(5)", R"("5")", R"("headers.x-total-pages")", R"("$.meta.pages")"}) {
    const std::string params = std::string(R"({"type": "PAGE", "limitName": "n", "limitValue": 1,
      "pageParamName": "p", "endPageIndex": )") +
                               ok + "}";
    EXPECT_TRUE(IsClean(with_pagination(params))) << ok;
  }
  const auto bad = [](std::string_view v) {
    return with_pagination(std::string(R"({"type": "PAGE", "limitName": "n", "limitValue": 1,
      "pageParamName": "p", "endPageIndex": )") +
                           std::string(v) + "}");
  };
  EXPECT_TRUE(HasError(bad(R"("lastPage")"), field("endPageIndex"), "headers.<name>"));
  EXPECT_TRUE(HasError(bad(R"("$.meta[")"), field("endPageIndex"), "JSONPath"));
  EXPECT_TRUE(HasError(bad(R"(-1)"), field("endPageIndex"), "negative"));
}

TEST(SpecPagination, WholeNumberFields) {
  const auto page = [](std::string_view extra) {
    return with_pagination(
        std::string(R"({"type": "PAGE", "limitName": "n", "pageParamName": "p", )") +
        std::string(extra) + "}");
  };
  EXPECT_TRUE(IsClean(page(R"("limitValue": "25", "initialPageIndex": "0", "maximumRequest": 1,
                             "delayRequestMillis": 0)")));
  EXPECT_TRUE(HasError(page(R"("limitValue": "0")"), field("limitValue"), "at least 1"));
  EXPECT_TRUE(HasError(page(R"("limitValue": "ten")"), field("limitValue"), "whole number"));
  EXPECT_TRUE(HasError(page(R"("limitValue": 5, "initialPageIndex": -1)"),
                       field("initialPageIndex"), "at least 0"));
  EXPECT_TRUE(HasError(page(R"("limitValue": 5, "maximumRequest": 0)"), field("maximumRequest"),
                       "at least 1"));
  EXPECT_TRUE(HasError(page(R"("limitValue": 5, "delayRequestMillis": "-5")"),
                       field("delayRequestMillis"), "whole number"));
  EXPECT_TRUE(HasError(page(R"("limitValue": 5, "delayRequestMillis": -5)"),
                       field("delayRequestMillis"), "at least 0"));
}

TEST(SpecPagination, FractionalLimitIsAShapeErrorReportedOnce) {
  const auto r = with_pagination(
      R"({"type": "OFFSET", "limitName": "n", "limitValue": 2.5, "offSetName": "o"})");
  EXPECT_TRUE(HasError(r, field("limitValue"), "must be an integer or a string, not a number"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
}

TEST(SpecPagination, FieldsTheTypeIgnoresAreWarnings) {
  const auto none = with_pagination(R"({"type": "NONE", "limitName": "n"})");
  EXPECT_TRUE(IsValid(none));
  EXPECT_TRUE(HasWarning(none, field("limitName"), "ignored by NONE pagination"));
  const auto offset = with_pagination(R"({"type": "OFFSET", "limitName": "n", "limitValue": 5,
    "offSetName": "o", "pageParamName": "p", "endConditionName": "$.hasMore"})");
  EXPECT_TRUE(IsValid(offset));
  EXPECT_TRUE(HasWarning(offset, field("pageParamName"), "ignored by OFFSET pagination"));
  EXPECT_TRUE(HasWarning(offset, field("endConditionName"), "ignored"));
}

// What the engine reads besides the required fields: a bare cursor's parameter for POINTER,
// the documented end condition for CONTINUATION_TOKEN.
TEST(SpecPagination, TheOptionalFieldsTheEngineReadsAreClean) {
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "POINTER", "limitName": "n", "limitValue": 5,
    "pointerPath": "$.paging.cursor", "parameterName": "after"})")));
  EXPECT_TRUE(IsClean(with_pagination(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath":
    "$.next", "parameterType": "QUERYPARAM", "parameterName": "t", "endConditionName": "$.hasMore",
    "endConditionValue": "Const:false"})")));
  EXPECT_TRUE(HasError(with_pagination(R"({"type": "CONTINUATION_TOKEN", "continuationTokenPath":
    "$.next", "parameterType": "QUERYPARAM", "parameterName": "t", "endConditionName": "$.a["})"),
                       field("endConditionName"), "JSONPath"));
}

TEST(SpecPagination, NotAnObjectIsReportedOnce) {
  const auto r = with_pagination(R"([{"type": "OFFSET"}])");
  EXPECT_TRUE(HasError(r, std::string(kPath), "must be an object, not an array"));
  EXPECT_EQ(r.errors.size(), 1u) << describe(r);
  EXPECT_TRUE(r.warnings.empty()) << describe(r);
}

}  // namespace
}  // namespace hw::spec::test
