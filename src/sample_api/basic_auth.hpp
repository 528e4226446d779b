#pragma once
#include <string_view>

#include "http/message.hpp"

namespace hw::sample_api {

// Whether the request's `Authorization: Basic …` header carries exactly
// `username:password`. The comparison takes the same time wherever the credentials differ,
// and whatever their length, so timing tells a client nothing about the password.
bool has_basic_credentials(const http::Request& request, std::string_view username,
                           std::string_view password);

}  // namespace hw::sample_api
