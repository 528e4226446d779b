// How the author's commands show a server's error: the status, the code, the message and
// each error of errors[] that the message does not already say.
#include "toolkit/api_client.hpp"

#include <gtest/gtest.h>

namespace hw::toolkit {
namespace {

ApiResponse answer(long status, std::string body) {
  return {status, std::move(body), {}};
}

TEST(ApiResponseError, EachErrorIsNamedWithItsPath) {
  EXPECT_EQ(answer(400, R"({"code": "INVALID_REQUEST", "message": "the request is invalid",
                            "errors": [{"path": "name", "message": "is required"},
                                       {"path": "auth.specName", "message": "is unknown"}]})")
                .describe_error(),
            "400 INVALID_REQUEST: the request is invalid; name: is required; auth.specName: is "
            "unknown");
}

TEST(ApiResponseError, AnErrorTheMessageAlreadySaysIsNotRepeated) {
  EXPECT_EQ(answer(400, R"({"code": "CONNECTION_TEST_FAILED",
                            "message": "the connection test failed: GET http://h/p answered 401",
                            "errors": [{"path": "auth", "message": "GET http://h/p answered 401"}]})")
                .describe_error(),
            "400 CONNECTION_TEST_FAILED: the connection test failed: GET http://h/p answered 401");
}

TEST(ApiResponseError, AnotherShapeShowsTheStatusAndTheBodysStart) {
  EXPECT_EQ(answer(502, "Bad Gateway").describe_error(), "502: Bad Gateway");
  EXPECT_EQ(answer(500, "").describe_error(), "500");
  EXPECT_EQ(answer(500, std::string(400, 'x')).describe_error(), "500: " + std::string(300, 'x'));
}

}  // namespace
}  // namespace hw::toolkit
