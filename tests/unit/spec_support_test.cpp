// Small pieces of spec validation: did-you-mean suggestions and spec classification.
#include "spec/did_you_mean.hpp"
#include "spec/spec_kind.hpp"
#include "unit/spec_test_util.hpp"

#include <gtest/gtest.h>

#include <array>

namespace hw::spec::test {
namespace {

constexpr std::array<std::string_view, 4> kWords = {"paginationParams", "contentPath", "offSetName",
                                                    "offsetName"};

TEST(DidYouMean, CaseInsensitiveMatchWinsFirst) {
  EXPECT_EQ(did_you_mean("offsetname", kWords), "offSetName");
  EXPECT_EQ(did_you_mean("CONTENTPATH", kWords), "contentPath");
}

TEST(DidYouMean, WithinTwoEdits) {
  EXPECT_EQ(did_you_mean("pagintionParams", kWords), "paginationParams");
  EXPECT_EQ(did_you_mean("contntPth", kWords), "contentPath");
  EXPECT_EQ(did_you_mean("contenPathXYZ", kWords), std::nullopt);
}

TEST(DidYouMean, ShortWordsDoNotMatchEverything) {
  constexpr std::array<std::string_view, 2> words = {"op", "id"};
  EXPECT_EQ(did_you_mean("ab", words), std::nullopt);
  EXPECT_EQ(did_you_mean("", words), std::nullopt);
}

TEST(DidYouMean, EditDistanceIsBounded) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(edit_distance(std::string(100000, 'a'), "a", 2), 3u);
  EXPECT_EQ(did_you_mean_hint("nmae", std::array<std::string_view, 1>{"name"}),
            " (did you mean 'name'?)");
}

TEST(SpecKindTest, Classification) {
  const auto kind = [](std::string_view text, bool listed = false) {
    return classify_connection_spec(parse_or_die(text).as_object(), listed);
  };
  EXPECT_EQ(kind(R"({"targetSpec": {}})"), SpecKind::target);
  EXPECT_EQ(kind(R"({"type": "GENERIC-STREAMING", "sourceSpec": {}})"), SpecKind::streaming_source);
  EXPECT_EQ(kind(R"({"sourceSpec": {"attributes": {}}})", true), SpecKind::streaming_source);
  EXPECT_EQ(kind(R"({"sourceSpec": {"attributes": {"urlParams": {}}}})"), SpecKind::batch_source);
  EXPECT_EQ(kind(R"({"targetSpec": {}, "sourceSpec": {"attributes": {"urlParams": {}}}})"),
            SpecKind::batch_source);
  EXPECT_EQ(kind(R"({"sourceSpec": {"attributes": {}}})"), std::nullopt);
  EXPECT_EQ(kind(R"({"sourceSpec": "x", "type": 5})"), std::nullopt);
}

}  // namespace
}  // namespace hw::spec::test
