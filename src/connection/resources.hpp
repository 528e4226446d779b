#pragma once
#include <optional>
#include <string_view>

#include "connection/params_resource.hpp"
#include "engine/fetcher.hpp"
#include "spec/registry.hpp"

namespace hw::connection {

// Base, source and target connections. A delete is refused (409, naming the users)
// while a later link of the dataflow chain still refers to the resource.
class Resources {
 public:
  Resources(store::Store& store, const crypto::SecretBox& box, spec::SpecRegistry& specs);

  ParamsResource connections;
  ParamsResource source_connections;
  ParamsResource target_connections;
  // How /test and /explore reach a source: the engine settings runs use.
  engine::FetchOptions fetch;

  void remove_connection(const store::Scope& scope, std::string_view id,
                         std::optional<std::string_view> if_match);
  void remove_source_connection(const store::Scope& scope, std::string_view id,
                                std::optional<std::string_view> if_match);
  void remove_target_connection(const store::Scope& scope, std::string_view id,
                                std::optional<std::string_view> if_match);

 private:
  struct User {
    const char* kind;
    const char* field;
  };
  void remove_unless_used(ParamsResource& resource, const store::Scope& scope, std::string_view id,
                          std::optional<std::string_view> if_match,
                          std::initializer_list<User> users);

  store::Store& store_;
};

}  // namespace hw::connection
