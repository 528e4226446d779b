#include "http/request_context.hpp"

#include <openssl/sha.h>

#include <fmt/format.h>

#include "http/error.hpp"

namespace hw::http {
namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// A stable, non-reversible user id derived from the token: resources record who
// made them without the token itself ever being stored or echoed.
std::string user_for(std::string_view token) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  return fmt::format("{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}@AdobeID", digest[0], digest[1],
                     digest[2], digest[3], digest[4], digest[5]);
}

std::string required(const Request& request, std::string_view name, int status) {
  auto value = request.header(name);
  if (!value || value->empty()) {
    throw ApiError(status, status == 401 ? "UNAUTHORIZED" : "FORBIDDEN",
                   fmt::format("the '{}' header is required", name),
                   {{fmt::format("headers.{}", name), "missing or empty"}});
  }
  return std::string(*value);
}

}  // namespace

std::string_view bearer_token(std::string_view authorization) {
  if (!iequals_prefix(authorization, "bearer ")) return {};
  std::string_view token = authorization.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

Context authenticate(const Request& request, const AccessPolicy& policy) {
  const std::string authorization = required(request, "authorization", 401);
  const std::string_view token = bearer_token(authorization);
  if (token.empty()) {
    throw ApiError(401, "UNAUTHORIZED", "the 'Authorization' header must be 'Bearer <token>'",
                   {{"headers.authorization", "not a bearer token"}});
  }
  Context ctx;
  ctx.client = required(request, "x-api-key", 403);
  ctx.scope.org = required(request, "x-gw-ims-org-id", 403);
  auto sandbox = request.header("x-sandbox-name");
  ctx.scope.sandbox = sandbox && !sandbox->empty() ? std::string(*sandbox) : "prod";
  if (!policy.local_mode()) {
    auto it = policy.tokens_by_org.find(ctx.scope.org);
    if (it == policy.tokens_by_org.end() || !it->second.contains(std::string(token))) {
      throw ApiError(401, "UNAUTHORIZED", "the bearer token is not accepted for this organization");
    }
  }
  ctx.user = user_for(token);
  return ctx;
}

}  // namespace hw::http
