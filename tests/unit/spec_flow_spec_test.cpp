// Flow spec validation: connection spec ids, families, embedded schemas, unknown keys.
#include "spec/flow_spec_validator.hpp"
#include "support/fixtures.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

#include <map>

namespace hw::spec::test {
namespace {

constexpr std::string_view kRestStorageToAepId = "6499120c-0b15-42dc-936e-847ea3c24d72";
constexpr std::string_view kGenericStreamingAepId = "e77fde5a-22a8-11ed-861d-0242ac120002";
constexpr std::string_view kBatchId = "2d46966e-4fcc-4015-9f9e-a67594e395a3";
constexpr std::string_view kStreamingId = "e77fd9d2-22a8-11ed-861d-0242ac120002";
constexpr std::string_view kTargetId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

std::optional<SpecKind> lookup(std::string_view id) {
  static const std::map<std::string_view, SpecKind> known = {
      {kBatchId, SpecKind::batch_source},
      {kStreamingId, SpecKind::streaming_source},
      {kTargetId, SpecKind::target}};
  const auto it = known.find(id);
  return it == known.end() ? std::nullopt : std::optional(it->second);
}

json::value builtin(std::string_view name) {
  return parse_or_die(
      hw::test::read_file(std::string(HW_SOURCE_DIR) + "/resources/builtins/" + std::string(name)));
}

json::value batch_flow_spec() {
  return builtin("flow_spec_rest_storage_to_aep.json");
}

TEST(FlowSpec, BuiltInsAreClean) {
  EXPECT_TRUE(IsClean(validate_flow_spec(batch_flow_spec(), kRestStorageToAepId, lookup)));
  EXPECT_TRUE(IsClean(validate_flow_spec(builtin("flow_spec_generic_streaming_aep.json"),
                                         kGenericStreamingAepId, lookup)));
}

TEST(FlowSpec, NameAndProviderIdAreRequired) {
  auto doc = batch_flow_spec();
  erase(doc, "/name");
  set(doc, "/providerId", "");
  const auto r = validate_flow_spec(doc, "", lookup);
  EXPECT_TRUE(HasError(r, "name", "is required"));
  EXPECT_TRUE(HasError(r, "providerId", "must not be empty"));
}

TEST(FlowSpec, UnknownIdIsNamedAtItsIndex) {
  auto doc = batch_flow_spec();
  set_json(doc, "/sourceConnectionSpecIds",
           R"(["2d46966e-4fcc-4015-9f9e-a67594e395a3", "a", "b", "nope"])");
  const auto r = validate_flow_spec(doc, kRestStorageToAepId, lookup);
  EXPECT_TRUE(HasError(r, "sourceConnectionSpecIds[3]",
                       "no connection spec 'nope' exists in this org and sandbox"));
  EXPECT_EQ(r.errors.size(), 3u) << describe(r);
}

TEST(FlowSpec, StreamingSourceInABatchFlowSpecNamesTheRightOne) {
  auto doc = batch_flow_spec();
  doc.at_pointer("/sourceConnectionSpecIds").as_array().emplace_back(kStreamingId);
  EXPECT_TRUE(HasError(validate_flow_spec(doc, kRestStorageToAepId, lookup),
                       "sourceConnectionSpecIds[1]",
                       "GenericStreamingAEP (e77fde5a-22a8-11ed-861d-0242ac120002)"));
}

TEST(FlowSpec, BatchSourceInAStreamingFlowSpecNamesTheRightOne) {
  auto doc = builtin("flow_spec_generic_streaming_aep.json");
  doc.at_pointer("/sourceConnectionSpecIds").as_array().emplace_back(kBatchId);
  EXPECT_TRUE(HasError(validate_flow_spec(doc, kGenericStreamingAepId, lookup),
                       "sourceConnectionSpecIds[1]",
                       "RestStorageToAEP (6499120c-0b15-42dc-936e-847ea3c24d72)"));
}

TEST(FlowSpec, StreamingFamilyByFrequencyAttribute) {
  auto doc = batch_flow_spec();
  set_json(doc, "/attributes", R"({"frequency": "streaming"})");
  set_json(doc, "/sourceConnectionSpecIds", R"(["e77fd9d2-22a8-11ed-861d-0242ac120002"])");
  EXPECT_TRUE(IsClean(validate_flow_spec(doc, "", lookup)));
}

TEST(FlowSpec, TargetsAndSourcesInTheirOwnLists) {
  auto doc = batch_flow_spec();
  set_json(doc, "/sourceConnectionSpecIds", R"(["c604ff05-7f1a-43c0-8e18-33bf874cb11c"])");
  set_json(doc, "/targetConnectionSpecIds", R"(["2d46966e-4fcc-4015-9f9e-a67594e395a3"])");
  const auto r = validate_flow_spec(doc, kRestStorageToAepId, lookup);
  EXPECT_TRUE(HasError(r, "sourceConnectionSpecIds[0]", "list it in targetConnectionSpecIds"));
  EXPECT_TRUE(HasError(r, "targetConnectionSpecIds[0]", "a batch source connection spec"));
}

TEST(FlowSpec, IdListsAreArraysOfStrings) {
  auto doc = batch_flow_spec();
  set(doc, "/sourceConnectionSpecIds", "2d46966e-4fcc-4015-9f9e-a67594e395a3");
  set_json(doc, "/targetConnectionSpecIds", R"([7])");
  const auto r = validate_flow_spec(doc, "", lookup);
  EXPECT_TRUE(HasError(r, "sourceConnectionSpecIds", "must be an array"));
  EXPECT_TRUE(HasError(r, "targetConnectionSpecIds[0]", "a string"));
  erase(doc, "/sourceConnectionSpecIds");
  EXPECT_TRUE(
      HasError(validate_flow_spec(doc, "", lookup), "sourceConnectionSpecIds", "is required"));
}

TEST(FlowSpec, DuplicateIdIsAWarning) {
  auto doc = batch_flow_spec();
  doc.at_pointer("/sourceConnectionSpecIds").as_array().emplace_back(kBatchId);
  const auto r = validate_flow_spec(doc, "", lookup);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "sourceConnectionSpecIds[1]", "more than once"));
}

TEST(FlowSpec, EmbeddedSchemasMustBeValid) {
  auto doc = batch_flow_spec();
  set_json(doc, "/scheduleSpec/spec/properties/interval", R"({"type": "integr"})");
  set_json(doc, "/optionSpec/spec", R"({"$ref": "#"})");
  doc.at_pointer("/transformationSpecs")
      .as_array()
      .push_back(parse_or_die(R"({"name": "Broken", "spec": {"required": "mappingId"}})"));
  const auto r = validate_flow_spec(doc, "", lookup);
  EXPECT_TRUE(HasError(r, "scheduleSpec.spec", "'integr'"));
  EXPECT_TRUE(HasError(r, "optionSpec.spec", "recursive"));
  EXPECT_TRUE(HasError(r, "transformationSpecs[1].spec", "'required'"));
}

TEST(FlowSpec, UnknownKeysAreWarningsWithSuggestions) {
  auto doc = batch_flow_spec();
  set_json(doc, "/transformationSpec", "[]");
  set(doc, "/id", json::string(kRestStorageToAepId));
  set(doc, "/createdAt", 1633080822911);
  const auto r = validate_flow_spec(doc, kRestStorageToAepId, lookup);
  EXPECT_TRUE(IsValid(r));
  EXPECT_TRUE(HasWarning(r, "transformationSpec", "did you mean 'transformationSpecs'?"));
  EXPECT_EQ(r.warnings.size(), 1u) << describe(r);
}

TEST(FlowSpec, HostileInputNeverThrows) {
  EXPECT_TRUE(HasError(validate_flow_spec(parse_or_die("[]"), "", lookup), "$", "JSON object"));
  const auto throwing = [](std::string_view) -> std::optional<SpecKind> {
    throw std::runtime_error("store down");
  };
  EXPECT_TRUE(HasError(validate_flow_spec(batch_flow_spec(), "", throwing), "$", "store down"));
  auto doc = batch_flow_spec();
  set(doc, "/scheduleSpec", 5);
  set(doc, "/transformationSpecs", "none");
  set(doc, "/attributes", "x");
  const auto r = validate_flow_spec(doc, "", lookup);
  EXPECT_TRUE(HasError(r, "scheduleSpec", "must be an object"));
  EXPECT_TRUE(HasError(r, "transformationSpecs", "must be an array"));
  EXPECT_TRUE(HasError(r, "attributes", "must be an object"));
}

}  // namespace
}  // namespace hw::spec::test
