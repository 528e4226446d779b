#include "dataset/datasets.hpp"

#include <boost/json.hpp>

#include <vector>

#include "dataset/dataset_metadata.hpp"
#include "http/error.hpp"
#include "json/serialize.hpp"
#include "util/ids.hpp"

namespace hw::dataset {
namespace {

void require_name(const boost::json::object& body) {
  const auto* name = body.if_contains("name");
  if (!name) throw http::bad_request("a dataset needs a name", {{"name", "is required"}});
  if (!name->is_string() || name->get_string().empty()) {
    throw http::bad_request("a dataset needs a name", {{"name", "must be a non-empty string"}});
  }
}

}  // namespace

std::string DataSets::create(const resource::Caller& caller, const boost::json::object& body) {
  require_name(body);
  store::Document doc;
  doc.id = util::new_uuid();
  doc.etag = util::new_etag();
  doc.created_at = doc.updated_at = util::now_ms();
  doc.body = hw::json::serialize(stamp_catalog_metadata(body, caller, doc.id, doc.created_at));
  if (documents_.store().insert(kDataSetsKind, caller.scope, doc) != store::WriteResult::ok)
    throw http::ApiError(409, "CONFLICT", "dataset '" + doc.id + "' already exists");
  return doc.id;
}

store::Document DataSets::require(const store::Scope& scope, std::string_view id) const {
  return documents_.require(scope, id);
}

store::ListResult DataSets::list(const store::Scope& scope, const store::ListQuery& query) const {
  return documents_.store().list(kDataSetsKind, scope, query);
}

void DataSets::remove(const store::Scope& scope, std::string_view id) {
  require(scope, id);
  std::vector<spec::Issue> users;
  for (const auto& target :
       documents_.store().referencing("targetConnections", scope, "params.dataSetId", id))
    users.push_back(
        {"targetConnections/" + target + ".params.dataSetId", "writes to this dataset"});
  if (!users.empty()) {
    throw http::ApiError(409, "IN_USE",
                         "dataset '" + std::string(id) +
                             "' is in use; delete the target connections listed in errors[] first",
                         std::move(users));
  }
  documents_.remove(scope, id, std::nullopt);
}

}  // namespace hw::dataset
