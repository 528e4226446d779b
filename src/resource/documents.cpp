#include "resource/documents.hpp"

#include <boost/json/parse.hpp>

#include <array>

#include "http/error.hpp"
#include "json/serialize.hpp"
#include "util/ids.hpp"

namespace hw::resource {
namespace {

constexpr std::array<std::string_view, 11> kMetadataKeys = {
    "id",          "createdAt",     "updatedAt",     "createdBy",
    "updatedBy",   "createdClient", "updatedClient", "sandboxId",
    "sandboxName", "imsOrgId",      "etag"};

http::ApiError stale_etag(std::string_view display_name, std::string_view id) {
  return http::ApiError(412, "PRECONDITION_FAILED",
                        std::string(display_name) + " '" + std::string(id) +
                            "' has changed since the If-Match etag; GET it again and retry");
}

std::string quoted(std::string_view etag) {
  return "\"" + std::string(etag) + "\"";
}

}  // namespace

bool is_metadata_key(std::string_view key) {
  for (auto k : kMetadataKeys)
    if (k == key) return true;
  return false;
}

std::string_view normalize_etag(std::string_view value) {
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

boost::json::object stamp(const boost::json::object& content, const Caller& caller,
                          std::string_view id, std::int64_t created_at, std::string_view created_by,
                          std::string_view created_client, std::int64_t updated_at,
                          std::string_view etag) {
  boost::json::object out;
  out.reserve(content.size() + kMetadataKeys.size());
  out["id"] = id;
  out["createdAt"] = created_at;
  out["updatedAt"] = updated_at;
  out["createdBy"] = created_by;
  out["updatedBy"] = caller.user;
  out["createdClient"] = created_client;
  out["updatedClient"] = caller.client;
  out["sandboxId"] = util::stable_uuid(caller.scope.org + "/" + caller.scope.sandbox);
  out["sandboxName"] = caller.scope.sandbox;
  out["imsOrgId"] = caller.scope.org;
  for (const auto& [key, value] : content)
    if (!is_metadata_key(key)) out[key] = value;
  out["etag"] = quoted(etag);
  return out;
}

boost::json::object Documents::create(const Caller& caller, const boost::json::object& content,
                                      std::optional<std::string> id,
                                      std::optional<std::string> secret) {
  const std::string new_id = id ? *id : util::new_uuid();
  const std::int64_t now = util::now_ms();
  const std::string etag = util::new_etag();
  auto object = stamp(content, caller, new_id, now, caller.user, caller.client, now, etag);
  const store::Document doc{new_id,           etag, now, now, hw::json::serialize(object),
                            std::move(secret)};
  if (store_.insert(kind_, caller.scope, doc) != store::WriteResult::ok) {
    throw http::ApiError(409, "CONFLICT", display_name_ + " '" + new_id + "' already exists");
  }
  return object;
}

boost::json::object Documents::replace(const Caller& caller, std::string_view id,
                                       const boost::json::object& content,
                                       std::optional<std::string_view> if_match,
                                       std::optional<std::string> secret) {
  const store::Document previous = require(caller.scope, id);
  if (if_match && *if_match != "*" && *if_match != previous.etag)
    throw stale_etag(display_name_, id);
  const auto old = boost::json::parse(previous.body).as_object();
  const std::int64_t now = util::now_ms();
  const std::string etag = util::new_etag();
  auto object = stamp(content, caller, id, previous.created_at, old.at("createdBy").as_string(),
                      old.at("createdClient").as_string(), now, etag);
  const store::Document doc{
      std::string(id),  etag, previous.created_at, now, hw::json::serialize(object),
      std::move(secret)};
  switch (store_.replace(kind_, caller.scope, doc, previous.etag)) {
    case store::WriteResult::ok:
      return object;
    case store::WriteResult::not_found:
      throw http::not_found(display_name_, id);
    default:
      throw stale_etag(display_name_, id);
  }
}

std::optional<store::Document> Documents::find(const store::Scope& scope,
                                               std::string_view id) const {
  return store_.get(kind_, scope, id);
}

store::Document Documents::require(const store::Scope& scope, std::string_view id) const {
  auto doc = find(scope, id);
  if (!doc) throw http::not_found(display_name_, id);
  return std::move(*doc);
}

void Documents::remove(const store::Scope& scope, std::string_view id,
                       std::optional<std::string_view> if_match) {
  std::optional<std::string_view> expected;
  if (if_match && *if_match != "*") expected = if_match;
  switch (store_.remove(kind_, scope, id, expected)) {
    case store::WriteResult::ok:
      return;
    case store::WriteResult::not_found:
      throw http::not_found(display_name_, id);
    default:
      throw stale_etag(display_name_, id);
  }
}

}  // namespace hw::resource
