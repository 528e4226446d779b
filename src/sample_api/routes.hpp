#pragma once
#include <cstddef>
#include <string_view>

#include "http/router.hpp"

// The sample API's routes: a small REST API with HTTP Basic auth that the batch tutorial
// pulls from (docs/sample-api.md).
namespace hw::sample_api {

inline constexpr std::string_view kUsername = "demo";
inline constexpr std::string_view kPassword = "demo-password";

// GET /v1/me and GET /v1/contacts over contacts 1..`contacts`.
void register_routes(http::Router& router, std::size_t contacts);

}  // namespace hw::sample_api
