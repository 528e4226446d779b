#pragma once
#include <boost/json/object.hpp>

#include <array>
#include <string>
#include <string_view>

#include "resource/caller.hpp"
#include "resource/documents.hpp"
#include "store/store.hpp"

namespace hw::dataset {

inline constexpr std::string_view kDataSetsKind = "dataSets";

// The plain `name=value` filters catalog.yaml lists for GET /dataSets.
inline constexpr std::array<std::string_view, 9> kDataSetSimpleFilters = {
    "name",        "description", "version",
    "created",     "updated",     "createdClient",
    "createdUser", "updatedUser", "enableErrorDiagnostics"};

// Catalog datasets, stored as kind "dataSets" with Catalog's metadata (dataset_metadata).
class DataSets {
 public:
  explicit DataSets(store::Store& store)
      : documents_(store, std::string(kDataSetsKind), "dataset") {}

  // Stores a new dataset and returns its id. `body` needs a non-empty string `name`
  // (ApiError 400 otherwise); everything else the client sent is kept.
  std::string create(const resource::Caller& caller, const boost::json::object& body);
  // Throws ApiError 404 when absent.
  store::Document require(const store::Scope& scope, std::string_view id) const;
  store::ListResult list(const store::Scope& scope, const store::ListQuery& query) const;
  // Throws ApiError 404 when absent, and 409 IN_USE naming the target connections that
  // still write to it (a flow would otherwise land records in a dataset that is gone).
  void remove(const store::Scope& scope, std::string_view id);

 private:
  resource::Documents documents_;
};

}  // namespace hw::dataset
