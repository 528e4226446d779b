// `headwater source register` against the real server: the spec created once and replaced
// on re-register under the same id, its uiAttributes from the artifacts, its id in its
// family's flow spec once, and its icon kept and served (GET/PUT …/connectionSpecs/{id}/icon).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>

#include "integration/spec_api_fixture.hpp"
#include "integration/toolkit_command.hpp"

namespace hw::test {
namespace {

constexpr std::string_view kOrg = "AUTHOR@AdobeOrg";

class RegisterCommandTest : public ::testing::Test {
 protected:
  RegisterCommandTest() : server_(data_.path()), api_(server_.base_url()) {
    api_.set_org(std::string(kOrg));
  }

  CommandResult headwater(std::vector<std::string> args) {
    return run_headwater(args, work_.path());
  }
  CommandResult register_source(const std::string& dir) {
    return headwater({"source", "register", dir, "--server", server_.base_url() + "/", "--org",
                      std::string(kOrg)});
  }
  std::string artifact(const std::string& name, const std::string& suffix) const {
    return work_.path() + "/Sources/" + name + "/Artifacts/" + name + suffix;
  }

  boost::json::object spec(const std::string& id) {
    return only_item(require_status(api_.get(connection_spec_path(id)), 200));
  }
  // How often `id` is listed in the flow spec `flow_spec_id`.
  std::size_t listings(std::string_view flow_spec_id, const std::string& id) {
    const auto flow_spec = only_item(require_status(api_.get(flow_spec_path(flow_spec_id)), 200));
    std::size_t n = 0;
    for (const auto& listed : flow_spec.at("sourceConnectionSpecIds").as_array())
      n += listed.as_string() == id ? 1 : 0;
    return n;
  }
  // Takes `id` out of the flow spec `flow_spec_id`, as an admin would before deleting it.
  void unlist(std::string_view flow_spec_id, const std::string& id) {
    const auto got = require_status(api_.get(flow_spec_path(flow_spec_id)), 200);
    auto flow_spec = only_item(got);
    auto& listed = flow_spec["sourceConnectionSpecIds"].as_array();
    listed.erase(std::remove(listed.begin(), listed.end(), boost::json::value(id)), listed.end());
    require_status(api_.put(flow_spec_path(flow_spec_id), boost::json::serialize(flow_spec),
                            {{"If-Match", got.headers.at("ETag")}}),
                   200);
  }
  static const boost::json::object& ui(const boost::json::object& spec) {
    return spec.at("sourceSpec").at("attributes").at("uiAttributes").as_object();
  }

  TempDir data_, work_;
  ServerProcess server_;
  HttpClient api_;
};

TEST_F(RegisterCommandTest, RegisterCreatesThenReplacesUnderTheSameId) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(artifact("acme", "-label.txt"), "Acme CRM\n");
  write_text(artifact("acme", "-category.txt"), "customer success\n");

  const auto first = register_source("Sources/acme");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(lines_of(first.out).size(), 1u) << first.out;
  const std::string id = lines_of(first.out)[0];
  EXPECT_EQ(first.err,
            "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.label.text: warning: "
            "\"Acme\" differs from acme-label.txt (\"Acme CRM\"); register writes the file's "
            "label\n"
            "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.category.key: warning: "
            "\"protocols\" differs from acme-category.txt (\"customer success\"); register "
            "writes the file's category\n"
            "created connection spec " +
                id + "\nadded to RestStorageToAEP\nicon: " + server_.base_url() +
                "/data/foundation/flowservice/connectionSpecs/" + id + "/icon\n");
  auto stored = spec(id);
  EXPECT_EQ(stored.at("name"), "acme");
  EXPECT_EQ(ui(stored).at("label"), (boost::json::object{{"text", "Acme CRM"}}));
  EXPECT_EQ(ui(stored).at("category"), (boost::json::object{{"key", "customerSuccess"}}));
  EXPECT_EQ(ui(stored).at("description"),
            (boost::json::object{{"text", "Acme records, read from its REST API on a schedule."}}));
  EXPECT_EQ(ui(stored).at("icon"), (boost::json::object{{"key", "acme"}}));
  EXPECT_EQ(listings(kRestStorageToAep, id), 1u);

  write_text(artifact("acme", "-label.txt"), "Acme\n");
  write_text(artifact("acme", "-category.txt"), "protocols\n");
  write_text(artifact("acme", "-description.txt"), "Acme's members, hourly.\n");
  const std::string icon = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"2\"/></svg>";
  write_text(artifact("acme", "-icon.svg"), icon);
  const auto second = register_source("Sources/acme/Artifacts");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, id + "\n");
  EXPECT_EQ(second.err,
            "acme-connectionSpec.json:sourceSpec.attributes.uiAttributes.description.text: "
            "warning: \"Acme records, read from its REST API on a schedule.\" differs from "
            "acme-description.txt (\"Acme's members, hourly.\"); register writes the file's "
            "description\n"
            "replaced connection spec " +
                id + "\nalready in RestStorageToAEP\nicon: " + server_.base_url() +
                "/data/foundation/flowservice/connectionSpecs/" + id + "/icon\n");
  EXPECT_EQ(ui(spec(id)).at("label"), (boost::json::object{{"text", "Acme"}}));
  EXPECT_EQ(ui(spec(id)).at("description"),
            (boost::json::object{{"text", "Acme's members, hourly."}}));
  EXPECT_EQ(api_.get(connection_spec_path(id) + "/icon").body, icon);
  EXPECT_EQ(listings(kRestStorageToAep, id), 1u);
  const auto all =
      require_status(api_.get(std::string(kConnectionSpecs) + "?property=name==acme"), 200);
  EXPECT_EQ(all.json().at("items").as_array().size(), 1u);
}

TEST_F(RegisterCommandTest, ASpecDeletedOnTheServerIsCreatedAnewAndRemembered) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const auto first = register_source("Sources/acme");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string old_id = lines_of(first.out).at(0);
  unlist(kRestStorageToAep, old_id);
  require_status(api_.del(connection_spec_path(old_id)), 204);

  const auto second = register_source("Sources/acme");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string new_id = lines_of(second.out).at(0);
  EXPECT_NE(new_id, old_id);
  EXPECT_EQ(lines_of(second.err).at(0), "created connection spec " + new_id);
  EXPECT_EQ(spec(new_id).at("name"), "acme");
  const auto third = register_source("Sources/acme");
  EXPECT_EQ(third.out, new_id + "\n");
  EXPECT_EQ(lines_of(third.err).at(0), "replaced connection spec " + new_id);
}

TEST_F(RegisterCommandTest, TheIconIsKeptAndServedAsSafeSvg) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><circle r=\"4\"/></svg>\n";
  write_text(artifact("acme", "-icon.svg"), svg);
  const auto registered = register_source("Sources/acme");
  ASSERT_EQ(registered.exit_code, 0) << registered.err;
  const std::string icon = connection_spec_path(lines_of(registered.out)[0]) + "/icon";
  const auto served = api_.get(icon);
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(served.body, svg);
  EXPECT_EQ(served.headers.at("Content-Type"), "image/svg+xml");
  EXPECT_EQ(served.headers.at("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(served.headers.at("Content-Security-Policy"),
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:");

  // The route checks what it stores, whoever sends it.
  const auto hostile =
      api_.put(icon, "<svg onload=\"alert(1)\"/>", {{"Content-Type", "image/svg+xml"}});
  EXPECT_EQ(hostile.status, 400);
  EXPECT_EQ(hostile.json().at("code"), "INVALID_ICON");
  EXPECT_EQ(
      hostile.json().at("errors"),
      boost::json::parse(R"([{"path": "$", "message": "line 1, column 6: event-handler )"
                         R"(attribute 'onload' is not allowed: an icon must not run code"}])"));
  EXPECT_EQ(api_.put(icon, svg, {{"Content-Type", "text/plain"}}).status, 415);
  EXPECT_EQ(api_.get(icon).body, svg);
  EXPECT_EQ(api_.get(connection_spec_path("no-such-spec") + "/icon").status, 404);
  EXPECT_EQ(api_.get(connection_spec_path(kGenericRestSpec) + "/icon").status, 404);
  EXPECT_EQ(api_.put(connection_spec_path(kGenericRestSpec) + "/icon", svg,
                     {{"Content-Type", "image/svg+xml"}})
                .status,
            409);
}

TEST_F(RegisterCommandTest, AStreamingSourceGoesToGenericStreamingAep) {
  ASSERT_EQ(headwater({"source", "init", "hooks", "--streaming"}).exit_code, 0);
  const auto registered = register_source("Sources/hooks");
  ASSERT_EQ(registered.exit_code, 0) << registered.err;
  const std::string id = lines_of(registered.out)[0];
  EXPECT_NE(registered.err.find("added to GenericStreamingAEP\n"), std::string::npos)
      << registered.err;
  EXPECT_EQ(listings(kGenericStreamingAep, id), 1u);
  EXPECT_EQ(listings(kRestStorageToAep, id), 0u);
  ASSERT_EQ(register_source("Sources/hooks").exit_code, 0);
  EXPECT_EQ(listings(kGenericStreamingAep, id), 1u);
}

TEST_F(RegisterCommandTest, ArtifactsWithErrorsRegisterNothing) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  write_text(artifact("acme", "-icon.svg"), "<svg><script/></svg>");
  const auto result = register_source("Sources/acme");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "acme-icon.svg:$: line 1, column 6: <script> is not allowed: an icon must not run "
            "code\nheadwater source register: 1 error(s) in the artifacts; nothing was "
            "registered\n");
  const auto all =
      require_status(api_.get(std::string(kConnectionSpecs) + "?property=name==acme"), 200);
  EXPECT_TRUE(all.json().at("items").as_array().empty());
  EXPECT_FALSE(std::filesystem::exists(work_.path() + "/Sources/acme/.headwater-register.json"));
}

TEST_F(RegisterCommandTest, AnUnreachableServerIsSaidSo) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const auto result =
      headwater({"source", "register", "Sources/acme", "--server", "http://127.0.0.1:1"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("headwater source register: cannot reach the server at "
                             "http://127.0.0.1:1 (",
                             0),
            0u)
      << result.err;
}

TEST_F(RegisterCommandTest, ARegistrationIsPerServerOrgAndSandbox) {
  ASSERT_EQ(headwater({"source", "init", "acme"}).exit_code, 0);
  const auto prod = register_source("Sources/acme");
  ASSERT_EQ(prod.exit_code, 0) << prod.err;
  const auto dev = headwater({"source", "register", "Sources/acme", "--server", server_.base_url(),
                              "--org", std::string(kOrg), "--sandbox", "dev"});
  ASSERT_EQ(dev.exit_code, 0) << dev.err;
  EXPECT_NE(dev.out, prod.out);
  EXPECT_NE(dev.err.find("created connection spec"), std::string::npos) << dev.err;
  EXPECT_EQ(register_source("Sources/acme").out, prod.out);
}

}  // namespace
}  // namespace hw::test
