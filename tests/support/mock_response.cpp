#include "support/mock_response.hpp"

#include <boost/json.hpp>

namespace hw::test::mock {

Response problem(unsigned status, std::string_view title, std::string_view detail) {
  const boost::json::object body{{"title", title}, {"status", status}, {"detail", detail}};
  return {status, boost::json::serialize(body), {}};
}

}  // namespace hw::test::mock
