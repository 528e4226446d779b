#include "engine/source_client.hpp"

#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"

namespace hw::engine {
namespace {

std::chrono::milliseconds request_spacing(const boost::json::object& attributes) {
  const auto* pagination = json::find_object(attributes, "paginationParams");
  return std::chrono::milliseconds(
      pagination ? pagination::whole_number(*pagination, "delayRequestMillis", 0) : 0);
}

// False once a link to another origin has dropped the credentials (pagination/pointer):
// a 401 from that origin must not bring them back.
bool carries_credentials(const UpstreamRequest& request) {
  for (const auto& secret : request.secrets) {
    if (secret.empty()) continue;
    if (request.url.find(secret) != std::string::npos) return true;
    for (const auto& [name, value] : request.headers)
      if (value.find(secret) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

SourceClient::SourceClient(const boost::json::object& attributes,
                           const boost::json::object& auth_spec,
                           const boost::json::object& auth_params, const FetchOptions& options,
                           std::function<void(const RenewedParams&)> keep,
                           ResilientFetcher::Cancelled cancelled)
    : pages_(options, request_spacing(attributes), cancelled),
      tokens_(options, std::chrono::milliseconds(0), std::move(cancelled)),
      authenticator_(make_authenticator(
          auth_spec, auth_params,
          {[this](const UpstreamRequest& request) { return tokens_.fetch(request); },
           std::move(keep)})) {}

void SourceClient::authorize(UpstreamRequest& request) {
  authenticator_->renew_if_expired();
  authenticator_->apply(request);
}

UpstreamResponse SourceClient::send(UpstreamRequest& request) {
  UpstreamResponse response = pages_.fetch(request);
  if (response.status != 401 || !carries_credentials(request) || !authenticator_->renew())
    return response;
  authenticator_->apply(request);
  response = pages_.fetch(request);
  if (response.status == 401) {
    throw RunError("UPSTREAM_401",
                   request.method + " " + request.describe() +
                       " answered 401 again with a renewed access token; the source no longer "
                       "accepts the connection's credentials (check its client and scopes)");
  }
  return response;
}

}  // namespace hw::engine
