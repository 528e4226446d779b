// What `headwater source init` writes: the family's built-in template named after the source,
// valid by the server's own rules, with an icon that passes the icon check.
#include "toolkit/starter.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "json/parse.hpp"
#include "spec/connection_spec_validator.hpp"
#include "spec/spec_kind.hpp"
#include "toolkit/pretty_json.hpp"
#include "toolkit/svg_check.hpp"

namespace hw::toolkit {
namespace {

const boost::json::object& ui_of(const Starter& s) {
  return s.connection_spec.at("sourceSpec").at("attributes").at("uiAttributes").as_object();
}

TEST(Starter, BatchStartsFromTheGenericRestTemplate) {
  const auto s = make_starter("acme-crm", Family::batch);
  EXPECT_EQ(s.label, "Acme Crm");
  EXPECT_EQ(s.category, "protocols");
  EXPECT_EQ(s.description, "Acme Crm records, read from its REST API on a schedule.");
  EXPECT_EQ(s.connection_spec.at("name"), "acme-crm");
  EXPECT_EQ(s.connection_spec.at("type"), "generic-rest");
  EXPECT_EQ(s.connection_spec.at("description").as_string(), s.description);
  EXPECT_EQ(ui_of(s).at("label"), (boost::json::object{{"text", "Acme Crm"}}));
  EXPECT_EQ(ui_of(s).at("description"), (boost::json::object{{"text", s.description}}));
  EXPECT_EQ(ui_of(s).at("category"), (boost::json::object{{"key", "protocols"}}));
  EXPECT_EQ(ui_of(s).at("icon"), (boost::json::object{{"key", "acme-crm"}}));
  EXPECT_EQ(spec::classify_connection_spec(s.connection_spec, false), spec::SpecKind::batch_source);
}

TEST(Starter, StreamingStartsFromTheSeedTemplate) {
  const auto s = make_starter("hooks_2", Family::streaming);
  EXPECT_EQ(s.label, "Hooks 2");
  EXPECT_EQ(s.category, "streaming");
  EXPECT_EQ(s.connection_spec.at("name"), "hooks_2");
  EXPECT_EQ(s.connection_spec.at("type"), "generic-streaming");
  EXPECT_EQ(ui_of(s).at("category"), (boost::json::object{{"key", "streaming"}}));
  EXPECT_EQ(spec::classify_connection_spec(s.connection_spec, false),
            spec::SpecKind::streaming_source);
}

TEST(Starter, EveryStarterPassesTheServersValidationAndTheIconCheck) {
  for (auto family : {Family::batch, Family::streaming}) {
    const auto s = make_starter("acme", family);
    // Through the file as written, as `source validate` reads it.
    const auto parsed = json::parse(pretty_json(s.connection_spec));
    ASSERT_TRUE(parsed.ok) << parsed.error;
    EXPECT_EQ(parsed.value, s.connection_spec);
    const auto report = spec::validate_connection_spec(parsed.value);
    EXPECT_TRUE(report.errors.empty())
        << report.errors.front().path << ": " << report.errors.front().message;
    EXPECT_TRUE(report.warnings.empty())
        << report.warnings.front().path << ": " << report.warnings.front().message;
    EXPECT_TRUE(check_svg_icon(s.icon).empty());
  }
}

TEST(PrettyJson, OneMemberPerLineWithTwoSpaceIndents) {
  const auto v = boost::json::parse(R"({"a":[1,{"b":"x\"y"}],"c":{},"d":[]})");
  EXPECT_EQ(pretty_json(v),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x\\\"y\"\n    }\n  ],\n  \"c\": {},\n"
            "  \"d\": []\n}\n");
}

}  // namespace
}  // namespace hw::toolkit
