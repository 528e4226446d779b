#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "support/mock_query.hpp"
#include "support/mock_response.hpp"

namespace hw::test {

struct UpstreamRequest;

// The mock's OAuth 2.0 authorization server: one client, one refresh token, and access
// tokens that stop working after some requests or some time, so a token can expire in the
// middle of a run. Field and parameter names are the RFC 6749 ones unless a test renames
// them (as a connection's requestParameterOverride would).
struct MockOAuthOptions {
  std::string client_id = "client-7";
  std::string client_secret = "client-secret-7";
  std::string access_token = "access-0";    // issued before the test: a connection's first token
  std::string refresh_token = "refresh-0";  // what the token endpoint accepts
  std::size_t uses_per_token = 0;           // requests an access token serves; 0: any number
  std::chrono::milliseconds lifetime{0};    // how long it serves after its issue; 0: forever
  std::int64_t expires_in = 7 * 24 * 3600;  // seconds, as the token endpoint reports it
  bool rotate_refresh_token = false;        // each refresh issues a new one; the old one dies
  std::string access_token_field = "access_token";
  std::string refresh_token_field = "refresh_token";  // in the form and in the answer
  std::string expires_in_field = "expires_in";
  std::string client_id_param = "client_id";
  std::string client_secret_param = "client_secret";
};

namespace mock {

inline constexpr std::string_view kTokenPath = "/oauth2/token";

// Not thread-safe: its owner locks.
class OAuthServer {
 public:
  explicit OAuthServer(MockOAuthOptions options);

  // POST kTokenPath with a form body (or GET with the query) holding
  // grant_type=refresh_token, the refresh token and the client's id and secret: a new
  // access token ("access-1", "access-2", …, and "refresh-N" when rotating). Refusals are
  // RFC 6749 §5.2 errors: 400 unsupported_grant_type or invalid_grant (whose description
  // repeats the refresh token sent, as careless servers do), 401 invalid_client.
  Response token(const UpstreamRequest& request, const QueryParams& query);

  // Whether the request's bearer token is a live access token; each call uses it once.
  bool accepts(const UpstreamRequest& request);

 private:
  struct Issued {
    std::size_t uses = 0;
    std::chrono::steady_clock::time_point at;
  };
  std::string issue();

  MockOAuthOptions options_;
  std::string refresh_token_;
  std::size_t issued_count_ = 0;
  std::map<std::string, Issued> tokens_;
};

}  // namespace mock
}  // namespace hw::test
