#pragma once
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "resource/caller.hpp"
#include "store/store.hpp"

namespace hw::resource {

// One kind of Flow Service resource ("connectionSpecs", "flowSpecs", …) stored as
// JSON with Adobe's metadata fields (id, createdAt, updatedAt, createdBy,
// updatedBy, createdClient, updatedClient, sandboxId, sandboxName, imsOrgId, etag).
// Metadata is the server's: the same keys in a client's body are ignored.
class Documents {
 public:
  Documents(store::Store& store, std::string kind, std::string display_name)
      : store_(store), kind_(std::move(kind)), display_name_(std::move(display_name)) {}

  // Stores `content` under a new id (or `id` when given) and returns the stored object.
  // `secret` is stored beside it, sealed, never in the body.
  boost::json::object create(const Caller& caller, const boost::json::object& content,
                             std::optional<std::string> id = std::nullopt,
                             std::optional<std::string> secret = std::nullopt);
  // Replaces the content (and secret) of `id`, keeping its id and creation fields.
  // Throws ApiError 404 / 412 (stale If-Match).
  boost::json::object replace(const Caller& caller, std::string_view id,
                              const boost::json::object& content,
                              std::optional<std::string_view> if_match,
                              std::optional<std::string> secret = std::nullopt);
  // Throws ApiError 404 when absent.
  store::Document require(const store::Scope& scope, std::string_view id) const;
  std::optional<store::Document> find(const store::Scope& scope, std::string_view id) const;
  // Throws ApiError 404 / 412.
  void remove(const store::Scope& scope, std::string_view id,
              std::optional<std::string_view> if_match);

  const std::string& kind() const { return kind_; }
  const std::string& display_name() const { return display_name_; }
  store::Store& store() const { return store_; }

 private:
  store::Store& store_;
  std::string kind_;
  std::string display_name_;
};

// Builds the stored object: metadata first, then the client's content.
boost::json::object stamp(const boost::json::object& content, const Caller& caller,
                          std::string_view id, std::int64_t created_at, std::string_view created_by,
                          std::string_view created_client, std::int64_t updated_at,
                          std::string_view etag);

bool is_metadata_key(std::string_view key);

// "\"abc\"", "W/\"abc\"" or "abc" -> "abc"; "*" stays "*".
std::string_view normalize_etag(std::string_view header_value);

}  // namespace hw::resource
