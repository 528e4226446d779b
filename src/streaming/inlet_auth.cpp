#include "streaming/inlet_auth.hpp"

#include "streaming/hmac.hpp"

namespace hw::streaming {
namespace {

// As the API's own authentication accepts tokens (request_context), for the inlet's org.
bool bearer_admitted(const Inlet& inlet, const http::Request& request,
                     const http::AccessPolicy& policy) {
  const auto authorization = request.header("authorization");
  const std::string_view token = authorization ? http::bearer_token(*authorization) : "";
  if (token.empty()) return false;
  if (policy.local_mode()) return true;
  const auto accepted = policy.tokens_by_org.find(inlet.scope.org);
  return accepted != policy.tokens_by_org.end() && accepted->second.contains(std::string(token));
}

}  // namespace

bool inlet_admits(const Inlet& inlet, const http::Request& request,
                  const http::AccessPolicy& policy) {
  switch (inlet.auth) {
    case InletAuth::open:
      return true;
    case InletAuth::bearer:
      return bearer_admitted(inlet, request, policy);
    case InletAuth::hmac: {
      const auto signature = request.header("x-hmac-sha256");
      return signature &&
             signature_matches(*signature, request.body, inlet.secret, inlet.previous_secret);
    }
  }
  return false;
}

std::string_view refusal_message(const Inlet& inlet) {
  return inlet.auth == InletAuth::hmac
             ? "the request is not signed for this inlet: x-hmac-sha256 must be the hex "
               "HMAC-SHA256 of the exact body under the connection's secret"
             : "a bearer token accepted for this inlet's organization is required";
}

}  // namespace hw::streaming
