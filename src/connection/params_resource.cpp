#include "connection/params_resource.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "connection/secret_params.hpp"
#include "http/error.hpp"
#include "json/patch.hpp"
#include "json/serialize.hpp"
#include "util/ids.hpp"

namespace hw::connection {
namespace {

void throw_if_invalid(const std::vector<spec::Issue>& errors, std::string_view display_name) {
  if (errors.empty()) return;
  throw http::ApiError(400, "INVALID_REQUEST",
                       "the " + std::string(display_name) +
                           " is invalid: " + std::to_string(errors.size()) +
                           " problem(s); see errors[] for each path",
                       errors);
}

// The first reference token of a JSON Pointer: "/auth/params" -> "auth".
std::string_view first_token(std::string_view pointer) {
  if (pointer.starts_with('/')) pointer.remove_prefix(1);
  return pointer.substr(0, pointer.find('/'));
}

}  // namespace

ParamsResource::ParamsResource(store::Store& store, const crypto::SecretBox& box, std::string kind,
                               std::string display_name, std::vector<std::string> params_location,
                               std::vector<std::string> read_only_keys, Checker checker)
    : documents_(store, std::move(kind), std::move(display_name)),
      box_(box),
      params_location_(std::move(params_location)),
      read_only_keys_(std::move(read_only_keys)),
      checker_(std::move(checker)) {}

boost::json::object* ParamsResource::params_of(boost::json::object& body) const {
  boost::json::object* at = &body;
  for (const auto& key : params_location_) {
    auto* next = at->if_contains(key);
    if (!next || !next->is_object()) return nullptr;
    at = &next->get_object();
  }
  return at;
}

// Binds a ciphertext to its row: sealed secrets copied onto another resource do not open.
std::string ParamsResource::context(const store::Scope& scope, std::string_view id) const {
  return documents_.kind() + "/" + scope.org + "/" + scope.sandbox + "/" + std::string(id);
}

std::optional<std::string> ParamsResource::seal_secrets(const store::Scope& scope,
                                                        std::string_view id,
                                                        boost::json::object& body,
                                                        const boost::json::object& schema) const {
  auto* params = params_of(body);
  if (!params) return std::nullopt;
  return seal_named(scope, id, *params, secret_names(schema));
}

std::optional<std::string> ParamsResource::seal_named(const store::Scope& scope,
                                                      std::string_view id,
                                                      boost::json::object& params,
                                                      const std::vector<std::string>& names) const {
  const auto secrets = take_secrets(params, names);
  if (secrets.empty()) return std::nullopt;
  return box_.seal(hw::json::serialize(secrets), context(scope, id));
}

ParamsResource::Written ParamsResource::create(const resource::Caller& caller,
                                               const boost::json::object& body) {
  const auto check = checker_(caller.scope, body);
  throw_if_invalid(check.errors, documents_.display_name());
  const std::string id = util::new_uuid();
  boost::json::object content = body;
  content["state"] = "enabled";  // Adobe's resources start enabled; actions change it
  if (derive_) derive_(caller.scope, nullptr, content);
  auto secret = seal_secrets(caller.scope, id, content, check.params_schema);
  auto stored = documents_.create(caller, content, id, std::move(secret));
  changed(caller.scope, id);
  return {id, std::string(stored.at("etag").as_string())};
}

void ParamsResource::refuse_read_only(const boost::json::value& operations) const {
  if (!operations.is_array()) return;  // apply_patch reports the shape
  std::vector<spec::Issue> errors;
  const auto& ops = operations.get_array();
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto* path = ops[i].is_object() ? ops[i].get_object().if_contains("path") : nullptr;
    if (!path || !path->is_string()) continue;
    const auto token = first_token(path->get_string());
    if (token.empty()) {
      errors.push_back({"[" + std::to_string(i) + "].path",
                        "the whole document cannot be replaced; patch its fields, e.g. /name"});
      continue;
    }
    bool read_only = resource::is_metadata_key(token);
    for (const auto& key : read_only_keys_) read_only = read_only || key == token;
    if (read_only) {
      errors.push_back({"[" + std::to_string(i) + "].path",
                        "'/" + std::string(token) + "' cannot be changed after creation"});
    }
  }
  throw_if_invalid(errors, "patch");
}

ParamsResource::Written ParamsResource::patch(const resource::Caller& caller, std::string_view id,
                                              const boost::json::value& operations,
                                              std::optional<std::string_view> if_match) {
  const store::Document previous = documents_.require(caller.scope, id);
  refuse_read_only(operations);
  boost::json::value body = boost::json::parse(previous.body);
  throw_if_invalid(json::apply_patch(body, operations), "patch");
  if (!body.is_object()) throw http::bad_request("the patched document must stay an object");
  auto& object = body.get_object();
  if (auto* params = params_of(object); params && previous.secret) {
    restore_masked(*params, unseal(caller.scope, id, *previous.secret));
  }
  const auto check = checker_(caller.scope, object);
  throw_if_invalid(check.errors, documents_.display_name());
  if (derive_) {
    auto before = boost::json::parse(previous.body).as_object();
    if (auto* params = params_of(before); params && previous.secret)
      restore_masked(*params, unseal(caller.scope, id, *previous.secret));
    derive_(caller.scope, &before, object);
  }
  auto secret = seal_secrets(caller.scope, id, object, check.params_schema);
  // Without If-Match, the version read above is the one replaced: a concurrent change is a 412.
  auto stored = documents_.replace(caller, id, object, if_match ? *if_match : previous.etag,
                                   std::move(secret));
  changed(caller.scope, id);
  return {std::string(id), std::string(stored.at("etag").as_string())};
}

ParamsResource::Written ParamsResource::set_state(const resource::Caller& caller,
                                                  std::string_view id, std::string_view state,
                                                  std::optional<std::string_view> if_match) {
  const store::Document previous = documents_.require(caller.scope, id);
  auto body = boost::json::parse(previous.body).as_object();
  body["state"] = state;
  // As in patch: without If-Match, a change since the read above is a 412.
  auto stored =
      documents_.replace(caller, id, body, if_match ? *if_match : previous.etag, previous.secret);
  changed(caller.scope, id);
  return {std::string(id), std::string(stored.at("etag").as_string())};
}

void ParamsResource::keep_renewed(const resource::Caller& caller, std::string_view id,
                                  const boost::json::object& values,
                                  const std::vector<std::string>& secrets) {
  // A write between this read and the replace (a PATCH) is a 412: read again and redo.
  for (int attempt = 1;; ++attempt) {
    const store::Document previous = documents_.require(caller.scope, id);
    auto body = boost::json::parse(previous.body).as_object();
    auto* params = params_of(body);
    if (!params)
      throw std::runtime_error(documents_.kind() + " " + std::string(id) + " has no params");
    std::vector<std::string> names = secrets;
    if (previous.secret) {
      const auto sealed = unseal(caller.scope, id, *previous.secret);
      restore_masked(*params, sealed);
      for (const auto& [name, value] : sealed) names.emplace_back(name);
    }
    for (const auto& [name, value] : values) (*params)[name] = value;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());  // each sealed once
    auto secret = seal_named(caller.scope, id, *params, names);
    try {
      documents_.replace(caller, id, body, previous.etag, std::move(secret));
      changed(caller.scope, id);
      return;
    } catch (const http::ApiError& e) {
      if (e.status() != 412 || attempt == 3) throw;
    }
  }
}

boost::json::object ParamsResource::unsealed(const store::Scope& scope, std::string_view id) const {
  const store::Document doc = documents_.require(scope, id);
  auto body = boost::json::parse(doc.body).as_object();
  if (auto* params = params_of(body); params && doc.secret) {
    restore_masked(*params, unseal(scope, id, *doc.secret));
  }
  return body;
}

boost::json::object ParamsResource::unseal(const store::Scope& scope, std::string_view id,
                                           const std::string& sealed) const {
  auto plain = box_.open(sealed, context(scope, id));
  if (!plain) {
    throw std::runtime_error("the secrets of " + documents_.kind() + "/" + std::string(id) +
                             " cannot be opened: the data dir's secret.key has changed");
  }
  return boost::json::parse(*plain).as_object();
}

}  // namespace hw::connection
