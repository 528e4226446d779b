#include "connection/resources.hpp"

#include "connection/checks.hpp"
#include "http/error.hpp"

namespace hw::connection {

Resources::Resources(store::Store& store, const crypto::SecretBox& box, spec::SpecRegistry& specs)
    : connections(store, box, "connections", "connection", {"auth", "params"},
                  {"connectionSpec", "state"},
                  [&specs](const store::Scope& scope, const boost::json::object& body) {
                    return check_connection(specs, scope, body);
                  }),
      source_connections(
          store, box, "sourceConnections", "source connection", {"params"},
          {"connectionSpec", "state"},
          [&specs, &store](const store::Scope& scope, const boost::json::object& body) {
            return check_source_connection(specs, store, scope, body);
          }),
      target_connections(
          store, box, "targetConnections", "target connection", {"params"},
          {"connectionSpec", "state"},
          [&specs, &store](const store::Scope& scope, const boost::json::object& body) {
            return check_target_connection(specs, store, scope, body);
          }),
      store_(store) {}

void Resources::remove_unless_used(ParamsResource& resource, const store::Scope& scope,
                                   std::string_view id, std::optional<std::string_view> if_match,
                                   std::initializer_list<User> users) {
  resource.documents().require(scope, id);
  std::vector<spec::Issue> found;
  for (const auto& user : users) {
    for (const auto& user_id : store_.referencing(user.kind, scope, user.field, id))
      found.push_back({std::string(user.kind) + "/" + user_id + "." + user.field, "refers to it"});
  }
  if (!found.empty()) {
    throw http::ApiError(409, "IN_USE",
                         resource.documents().display_name() + " '" + std::string(id) +
                             "' is in use; delete what errors[] lists first",
                         std::move(found));
  }
  resource.documents().remove(scope, id, if_match);
  resource.changed(scope, id);
}

void Resources::remove_connection(const store::Scope& scope, std::string_view id,
                                  std::optional<std::string_view> if_match) {
  remove_unless_used(connections, scope, id, if_match, {{"sourceConnections", "baseConnectionId"}});
}

void Resources::remove_source_connection(const store::Scope& scope, std::string_view id,
                                         std::optional<std::string_view> if_match) {
  remove_unless_used(source_connections, scope, id, if_match, {{"flows", "sourceConnectionIds"}});
}

void Resources::remove_target_connection(const store::Scope& scope, std::string_view id,
                                         std::optional<std::string_view> if_match) {
  remove_unless_used(target_connections, scope, id, if_match, {{"flows", "targetConnectionIds"}});
}

}  // namespace hw::connection
