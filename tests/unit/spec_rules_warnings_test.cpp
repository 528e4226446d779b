// Connection spec rules that only warn: unknown keys, categories, ignored fields.
#include "spec/connection_spec_validator.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

namespace hw::spec::test {
namespace {

struct UnknownKeyCase {
  std::string_view container;  // JSON Pointer of the object that gets the key
  std::string_view key;
  std::string_view path;        // where the warning is expected
  std::string_view suggestion;  // "" when none is expected
};

// Shown by gtest in place of the struct's raw bytes.
void PrintTo(const UnknownKeyCase& c, std::ostream* os) {
  *os << c.path;
}

class SpecUnknownKeys : public ::testing::TestWithParam<UnknownKeyCase> {};

TEST_P(SpecUnknownKeys, WarnsWithSuggestion) {
  const auto& c = GetParam();
  auto doc = batch_spec();
  set_json(doc, "/sourceSpec/attributes/contentPath", R"({"path": "$.members"})");
  set_json(doc, "/sourceSpec/attributes/explodeEntityPath", R"({"path": "$.member.activity"})");
  set_json(doc, "/sourceSpec/attributes/scheduleParams", R"({"scheduleStartParamName": "a",
    "scheduleEndParamName": "b", "scheduleStartParamFormat": "epoch", "scheduleEndParamFormat": "epoch"})");
  ASSERT_TRUE(IsClean(validate_connection_spec(doc)));
  set(doc, std::string(c.container) + "/" + std::string(c.key), "x");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, c.path, "is not a known field"));
  if (!c.suggestion.empty()) {
    EXPECT_TRUE(HasWarning(r, c.path, "did you mean '" + std::string(c.suggestion) + "'?"));
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryLevel, SpecUnknownKeys,
    ::testing::Values(UnknownKeyCase{"", "descripton", "descripton", "description"},
                      UnknownKeyCase{"/sourceSpec", "Spec", "sourceSpec.Spec", "spec"},
                      UnknownKeyCase{"/sourceSpec/attributes", "pagintionParams",
                                     "sourceSpec.attributes.pagintionParams", "paginationParams"},
                      UnknownKeyCase{"/sourceSpec/attributes/urlParams", "queryParam",
                                     "sourceSpec.attributes.urlParams.queryParam", "queryParams"},
                      UnknownKeyCase{"/sourceSpec/attributes/paginationParams", "offsetname",
                                     "sourceSpec.attributes.paginationParams.offsetname",
                                     "offSetName"},
                      UnknownKeyCase{"/sourceSpec/attributes/scheduleParams", "backfil",
                                     "sourceSpec.attributes.scheduleParams.backfil", "backfill"},
                      UnknownKeyCase{"/sourceSpec/attributes/contentPath", "skipAttribute",
                                     "sourceSpec.attributes.contentPath.skipAttribute",
                                     "skipAttributes"},
                      UnknownKeyCase{"/sourceSpec/attributes/explodeEntityPath", "overrideWrapper",
                                     "sourceSpec.attributes.explodeEntityPath.overrideWrapper", ""},
                      UnknownKeyCase{"/authSpec/0", "nmae", "authSpec[0].nmae", "name"}),
    [](const auto& info) { return ParamName(info.index, info.param.path); });

TEST(SpecUnknownKeys, ContentPathInWrongCaseIsSuggested) {
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/contentpath", "$.x");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.contentpath", "did you mean 'contentPath'?"));
}

TEST(SpecUnknownKeys, ServerManagedFieldsPassSilently) {
  auto doc = batch_spec();
  set(doc, "/id", "f6c0de0c-0a42-4cd9-9139-8768bf2f1b55");
  set(doc, "/createdAt", 1633388930134);
  set(doc, "/imsOrgId", "org");
  EXPECT_TRUE(IsClean(validate_connection_spec(doc)));
}

TEST(SpecUnknownKeys, DocumentedButUnreadFieldsSayWhatToDo) {
  auto doc = batch_spec();
  set_json(doc, "/sourceSpec/attributes/spec", R"({"type": "object"})");
  set(doc, "/sourceSpec/attributes/urlParams/hostName", "https://x");
  set(doc, "/sourceSpec/attributes/paginationParams/paginationType", "offset");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.spec", "not read by the engine"));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.urlParams.hostName", "'host'"));
  EXPECT_TRUE(HasWarning(r, "sourceSpec.attributes.paginationParams.paginationType", "'type'"));
}

TEST(SpecCategory, KnownCategoriesInAnySpelling) {
  for (const char* key :
       {"marketingAutomation", "Marketing Automation", "e-Commerce", "cloud storage", "CRM",
        "customer_success", "Consent and Preferences", "streaming"}) {
    auto doc = batch_spec();
    set(doc, "/sourceSpec/attributes/uiAttributes/category/key", key);
    EXPECT_TRUE(IsClean(validate_connection_spec(doc))) << key;
  }
}

TEST(SpecCategory, UnknownCategoryIsAWarningWithSuggestion) {
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/uiAttributes/category/key", "paymnets");
  const auto r = validate_connection_spec(doc);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(
      HasWarning(r, "sourceSpec.attributes.uiAttributes.category.key", "did you mean 'payments'?"));
}

TEST(SpecCategory, PlainStringCategoryIsCheckedToo) {
  auto doc = batch_spec();
  set(doc, "/sourceSpec/attributes/uiAttributes/category", "gaming");
  EXPECT_TRUE(HasWarning(validate_connection_spec(doc),
                         "sourceSpec.attributes.uiAttributes.category",
                         "not a known source category"));
}

}  // namespace
}  // namespace hw::spec::test
