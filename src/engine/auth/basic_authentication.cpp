#include "engine/auth/authenticator.hpp"
#include "util/base64.hpp"

namespace hw::engine::auth {
namespace {

class BasicAuthentication final : public Authenticator {
 public:
  BasicAuthentication(std::string username, std::string password)
      : header_("Basic " + util::base64_encode(username + ":" + password)),
        password_(std::move(password)) {}

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
