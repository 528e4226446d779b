#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crypto/secret_box.hpp"
#include "resource/documents.hpp"
#include "spec/issue.hpp"

namespace hw::connection {

// What a write of one of these resources must satisfy, and which schema describes its
// params (its "format": "password" properties are the secrets).
struct ParamsCheck {
  std::vector<spec::Issue> errors;
  boost::json::object params_schema;
};

// A Flow Service resource with params checked against a schema that its connection
// spec supplies: connections (auth.params), source and target connections (params);
// or its flow spec: flows (options).
// Secret params are sealed with the SecretBox and stored masked; reads never unseal.
class ParamsResource {
 public:
  using Checker = std::function<ParamsCheck(const store::Scope&, const boost::json::object& body)>;
  struct Written {
    std::string id;
    std::string etag;  // quoted, as in bodies
  };

  ParamsResource(store::Store& store, const crypto::SecretBox& box, std::string kind,
                 std::string display_name, std::vector<std::string> params_location,
                 std::vector<std::string> read_only_keys, Checker checker);

  Written create(const resource::Caller& caller, const boost::json::object& body);
  // Applies JSON Patch operations, then checks the result as a create would.
  Written patch(const resource::Caller& caller, std::string_view id,
                const boost::json::value& operations, std::optional<std::string_view> if_match);
  // Sets `state` ("enabled", "disabled") and nothing else. The rest is not checked again:
  // disabling must work even after something the resource names has changed.
  Written set_state(const resource::Caller& caller, std::string_view id, std::string_view state,
                    std::optional<std::string_view> if_match);
  // Writes params the engine renewed during a run (an OAuth access token, its expiry) into
  // the stored params, bumping the etag. As in set_state, the rest is not checked again.
  // The params named in `secrets` are sealed, as is every param sealed before.
  void keep_renewed(const resource::Caller& caller, std::string_view id,
                    const boost::json::object& values, const std::vector<std::string>& secrets);
  // The stored object with its secrets unsealed: for the engine, never for responses.
  boost::json::object unsealed(const store::Scope& scope, std::string_view id) const;

  // Adds what the server derives to a checked body before it is stored (a streaming
  // connection's inlet); `previous` is the stored body with its secrets, on a PATCH only.
  using Derive = std::function<void(const store::Scope&, const boost::json::object* previous,
                                    boost::json::object& body)>;
  void derive_with(Derive derive) { derive_ = std::move(derive); }
  // Hears every write and removal of this kind: caches of what derives from them listen.
  using Listener = std::function<void(const store::Scope&, std::string_view id)>;
  void on_change(Listener listener) { listener_ = std::move(listener); }
  void changed(const store::Scope& scope, std::string_view id) const {
    if (listener_) listener_(scope, id);
  }

  resource::Documents& documents() { return documents_; }
  const resource::Documents& documents() const { return documents_; }

 private:
  boost::json::object* params_of(boost::json::object& body) const;
  std::string context(const store::Scope& scope, std::string_view id) const;
  std::optional<std::string> seal_secrets(const store::Scope& scope, std::string_view id,
                                          boost::json::object& body,
                                          const boost::json::object& schema) const;
  std::optional<std::string> seal_named(const store::Scope& scope, std::string_view id,
                                        boost::json::object& params,
                                        const std::vector<std::string>& names) const;
  void refuse_read_only(const boost::json::value& operations) const;
  boost::json::object unseal(const store::Scope& scope, std::string_view id,
                             const std::string& sealed) const;

  resource::Documents documents_;
  const crypto::SecretBox& box_;
  std::vector<std::string> params_location_;
  std::vector<std::string> read_only_keys_;
  Checker checker_;
  Derive derive_;
  Listener listener_;
};

}  // namespace hw::connection
