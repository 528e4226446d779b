// The sample API's HTTP Basic check: only demo / demo-password gets in.
#include <gtest/gtest.h>

#include "sample_api/basic_auth.hpp"
#include "util/base64.hpp"

namespace hw::sample_api {
namespace {

bool admits(const char* authorization) {
  http::Request request;
  if (authorization) request.headers.emplace_back("authorization", authorization);
  return has_basic_credentials(request, "demo", "demo-password");
}

std::string basic(std::string_view user_and_password) {
  return "Basic " + util::base64_encode(user_and_password);
}

TEST(SampleApiBasicAuth, OnlyTheExactCredentialsPass) {
  EXPECT_TRUE(admits(basic("demo:demo-password").c_str()));
  EXPECT_TRUE(admits(("basic  " + util::base64_encode("demo:demo-password")).c_str()));
  EXPECT_FALSE(admits(nullptr));
  EXPECT_FALSE(admits(""));
  EXPECT_FALSE(admits("Basic"));
  EXPECT_FALSE(admits(basic("demo:wrong").c_str()));
  EXPECT_FALSE(admits(basic("demo:demo-passwor").c_str()));
  EXPECT_FALSE(admits(basic("demo:demo-password2").c_str()));
  EXPECT_FALSE(admits(basic("Demo:demo-password").c_str()));
  EXPECT_FALSE(admits(basic("demo").c_str()));
  EXPECT_FALSE(admits(basic("").c_str()));
  EXPECT_FALSE(admits("Basic !!!not-base64!!!"));
  EXPECT_FALSE(admits(("Bearer " + util::base64_encode("demo:demo-password")).c_str()));
}

}  // namespace
}  // namespace hw::sample_api
