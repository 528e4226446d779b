#include <gtest/gtest.h>

#include "engine/run_error.hpp"
#include "engine/template.hpp"

namespace hw::engine {
namespace {

const TemplateValues kValues = {{"listId", "a b/c"}, {"domain", "us1"}, {"SCHEDULE_QUERY", "x>1"}};

TEST(EngineTemplate, FillsBothPlaceholderFormsAndTheBuiltIns) {
  EXPECT_EQ(render("/lists/${listId}/m?{{ domain }}&q={SCHEDULE_QUERY}", kValues, Encoding::none),
            "/lists/a b/c/m?us1&q=x>1");
}

TEST(EngineTemplate, EncodesValuesForUrls) {
  EXPECT_EQ(render("/lists/${listId}", kValues, Encoding::url_component), "/lists/a%20b%2Fc");
}

TEST(EngineTemplate, LeavesJsonBracesAndUnknownSingleBracesAlone) {
  EXPECT_EQ(render(R"({"a":{"b":1}} {domain} $x {{)", kValues, Encoding::none),
            R"({"a":{"b":1}} {domain} $x {{)");
}

TEST(EngineTemplate, MissingValueNamesThePlaceholderAndTheFix) {
  try {
    render("/x/${missing}", kValues, Encoding::none);
    FAIL() << "no error";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), "MISSING_PARAM");
    EXPECT_NE(std::string(e.what()).find("'${missing}'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace hw::engine
