#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "spec/issue.hpp"

namespace hw::http {

// The one error shape of the API (DESIGN §2):
// {"code":"…","message":"…","status":N,"errors":[{"path":"…","message":"…"}]}
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, std::vector<spec::Issue> errors = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        errors_(std::move(errors)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::vector<spec::Issue>& errors() const { return errors_; }
  Fields& headers() { return headers_; }
  const Fields& headers() const { return headers_; }

 private:
  int status_;
  std::string code_;
  std::vector<spec::Issue> errors_;
  Fields headers_;
};

Response error_response(const ApiError& error);
Response error_response(int status, std::string code, std::string message,
                        std::vector<spec::Issue> errors = {});

ApiError not_found(std::string_view what, std::string_view id);
ApiError bad_request(std::string message, std::vector<spec::Issue> errors = {});

}  // namespace hw::http
