#pragma once
// The internals of `headwater verify` (verify.hpp): one object per verification, holding
// the ids it creates. The steps both families share live in verify.cpp; the batch and
// streaming ones in verify_batch.cpp and verify_streaming.cpp.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "toolkit/verify.hpp"

namespace hw::toolkit {

class Verification {
 public:
  Verification(ApiClient& client, const VerifyEnv& env, const VerifyOptions& options);
  VerifyReport run();

 private:
  // verify.cpp
  std::string spec_step();
  void dataflow_steps(std::string_view flow_spec_id, const boost::json::object& schedule);
  std::string dataset_step();
  std::string mapping_set_step();
  std::string flow_step(std::string_view flow_spec_id, const boost::json::object& schedule);
  void sample_step(const std::string& batch_id);
  void cleanup_step();
  boost::json::object spec_ref() const;
  std::string name() const;
  // The authSpec entry `name` of the spec (or an inlet method, for streaming), else null.
  std::optional<boost::json::object> auth_entry(const std::string& name) const;
  std::string create_connection(const boost::json::object& auth);

  // verify_batch.cpp
  void batch();
  std::string test_step();
  std::string explore_step();
  boost::json::object wait_for_run();
  std::string judge_run(const boost::json::object& run);

  // verify_streaming.cpp
  void streaming();
  boost::json::object streaming_auth();
  std::string send_events_step();
  std::string landed_step();

  ApiClient& client_;
  const VerifyEnv& env_;
  const VerifyOptions& options_;
  VerifyReport report_;
  StepRunner steps_;
  boost::json::object spec_;
  bool streaming_ = false;
  std::string connection_, source_, dataset_, target_, mapping_, flow_;
  std::string batch_;  // the Catalog batch to sample
  std::string inlet_, signing_secret_;
  std::size_t events_sent_ = 0;
};

}  // namespace hw::toolkit
