#pragma once
#include <boost/json/object.hpp>

#include <functional>
#include <memory>

#include "engine/auth/authenticator.hpp"
#include "engine/resilient_fetcher.hpp"

namespace hw::engine {

// How a run talks to its source: requests carry the connection's credentials, are spaced
// by paginationParams.delayRequestMillis, retried on 429, 5xx and transport failures, and
// sent once more with renewed credentials after a 401. Waits end once `cancelled` is true.
class SourceClient {
 public:
  // `attributes` is the spec's sourceSpec.attributes; `keep` receives credentials renewed
  // during the run (an OAuth token), so the connection can store them for the next one.
  SourceClient(const boost::json::object& attributes, const boost::json::object& auth_spec,
               const boost::json::object& auth_params, const FetchOptions& options,
               std::function<void(const RenewedParams&)> keep,
               ResilientFetcher::Cancelled cancelled = {});

  // Adds the credentials to `request`, renewing them first when they have expired.
  void authorize(UpstreamRequest& request);

  // The source's answer to `request`. After a 401 the credentials are renewed when they
  // can be, `request` carries the new ones from then on, and it is sent once more; a
  // second 401 throws RunError "UPSTREAM_401".
  UpstreamResponse send(UpstreamRequest& request);

 private:
  ResilientFetcher pages_;
  ResilientFetcher tokens_;  // the token endpoint is another service: not spaced with pages
  std::unique_ptr<Authenticator> authenticator_;
};

}  // namespace hw::engine
