#pragma once
#include <map>
#include <set>
#include <string>

#include "http/message.hpp"
#include "resource/caller.hpp"

namespace hw::http {

using Context = resource::Caller;

// Tokens accepted per org. Empty means local mode: any non-empty bearer token.
struct AccessPolicy {
  std::map<std::string, std::set<std::string>> tokens_by_org;
  bool local_mode() const { return tokens_by_org.empty(); }
};

// Checks the Adobe headers (DESIGN §2) and returns the caller's context, or
// throws ApiError 401/403 naming the header at fault.
Context authenticate(const Request& request, const AccessPolicy& policy);

// The bearer token of an `Authorization` header value, or empty.
std::string_view bearer_token(std::string_view authorization);

}  // namespace hw::http
