#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hw::toolkit {

// `headwater verify --env FILE`: one flat JSON object, like a Postman environment of the
// verification collection (DESIGN §1). Strings and numbers are both taken where a number
// is meant, as Postman environments hold strings.
struct VerifyEnv {
  boost::json::object values;  // everything, for the auth and source params
  std::string connection_spec_id;
  std::string auth_spec_name;              // may be empty for streaming: HMAC when hmacSecret
  std::optional<std::int64_t> start_time;  // epoch seconds
  std::chrono::seconds wait{120};          // verifyWaitTimeInSecond
  std::optional<boost::json::array> mappings;
  std::optional<std::string> dataset_id;
  std::optional<std::string> hmac_secret;  // streaming
  std::optional<std::string> sample_file;  // streaming: JSON Lines of events
};

// The env in `file`, or one "FILE:KEY: message" per problem.
std::variant<VerifyEnv, std::vector<std::string>> read_verify_env(const std::string& file);

// The values of `env` named by `schema`'s top-level properties (an authSpec's `spec`, or
// `sourceSpec.spec`): how a flat env becomes auth params and source params.
boost::json::object params_for(const VerifyEnv& env, const boost::json::value* schema);

}  // namespace hw::toolkit
