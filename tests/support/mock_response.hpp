#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hw::test::mock {

// An HTTP response the mock upstream sends: always a JSON body (or something posing as one).
struct Response {
  unsigned status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/-Length
};

// MailChimp's error shape (RFC 7807 problem details): {"title","status","detail"}.
Response problem(unsigned status, std::string_view title, std::string_view detail);

}  // namespace hw::test::mock
