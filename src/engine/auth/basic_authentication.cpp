#include <openssl/evp.h>

#include "engine/auth/authenticator.hpp"

namespace hw::engine::auth {
namespace {

std::string base64(std::string_view text) {
  std::string out(4 * ((text.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

class BasicAuthentication final : public Authenticator {
 public:
  BasicAuthentication(std::string username, std::string password)
      : header_("Basic " + base64(username + ":" + password)), password_(std::move(password)) {}

  void apply(UpstreamRequest& request) const override {
    request.set_header("Authorization", header_);
    request.secrets.push_back(password_);
    request.secrets.push_back(header_.substr(6));
  }

 private:
  std::string header_;
  std::string password_;
};

}  // namespace

std::unique_ptr<Authenticator> basic_authentication(const boost::json::object& params) {
  return std::make_unique<BasicAuthentication>(param(params, "username"),
                                               param(params, "password"));
}

}  // namespace hw::engine::auth
