#pragma once
#include <stdexcept>
#include <string>

namespace hw::engine {

// A run cannot go on. The message is for a person: it names the page URL (with secrets
// redacted) and what to fix; it never contains a secret.
class RunError : public std::runtime_error {
 public:
  RunError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace hw::engine
