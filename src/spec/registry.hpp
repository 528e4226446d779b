#pragma once
#include <boost/json/value.hpp>

#include <optional>
#include <string_view>

#include "resource/documents.hpp"
#include "spec/builtins.hpp"
#include "spec/issue.hpp"
#include "spec/spec_kind.hpp"

namespace hw::spec {

// Connection specs and flow specs: validation on every write, built-ins in every
// scope, and the references that keep a spec in use from being deleted.
class SpecRegistry {
 public:
  explicit SpecRegistry(store::Store& store);

  // Call before touching a scope's specs.
  void ensure_builtins(const store::Scope& scope) { seeder_.ensure(store_, scope); }

  Report check_connection_spec(const store::Scope& scope, const boost::json::value& body,
                               std::optional<std::string_view> id) const;
  boost::json::object create_connection_spec(const resource::Caller& caller,
                                             const boost::json::value& body);
  boost::json::object replace_connection_spec(const resource::Caller& caller, std::string_view id,
                                              const boost::json::value& body,
                                              std::optional<std::string_view> if_match);
  void delete_connection_spec(const resource::Caller& caller, std::string_view id,
                              std::optional<std::string_view> if_match);

  boost::json::object create_flow_spec(const resource::Caller& caller,
                                       const boost::json::value& body);
  boost::json::object replace_flow_spec(const resource::Caller& caller, std::string_view id,
                                        const boost::json::value& body,
                                        std::optional<std::string_view> if_match);

  // The stored connection spec `id` as JSON and what it is, or nullopt when absent.
  struct Resolved {
    boost::json::object spec;
    std::optional<SpecKind> kind;
  };
  std::optional<Resolved> resolve(const store::Scope& scope, std::string_view id) const;

  resource::Documents& connection_specs() { return connection_specs_; }
  resource::Documents& flow_specs() { return flow_specs_; }

 private:
  bool listed_in_streaming_flow_spec(const store::Scope& scope, std::string_view id) const;
  Report check_flow_spec(const store::Scope& scope, const boost::json::value& body,
                         std::string_view id) const;

  store::Store& store_;
  BuiltinSeeder seeder_;
  resource::Documents connection_specs_;
  resource::Documents flow_specs_;
};

}  // namespace hw::spec
