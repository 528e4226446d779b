#pragma once
#include <string>
#include <string_view>

#include "resource/caller.hpp"
#include "resource/documents.hpp"

namespace hw::toolkit {

// The icon `headwater source register` uploads for a connection spec, kept by the server
// and served back (README: GET/PUT …/connectionSpecs/{id}/icon). An icon is stored only
// after it passes check_svg_icon, so what is served can neither run code nor load anything.
class ConnectionSpecIcons {
 public:
  explicit ConnectionSpecIcons(store::Store& store);

  // Stores `svg` as the icon of connection spec `spec_id`, replacing any earlier one.
  // Throws ApiError 404 (no such spec in the scope), 409 (a built-in spec), 413 (over
  // 256 KB) or 400 INVALID_ICON with one error per problem.
  void put(const resource::Caller& caller, std::string_view spec_id, const std::string& svg);
  // The icon; throws ApiError 404 when the spec or its icon does not exist.
  std::string get(const store::Scope& scope, std::string_view spec_id) const;
  // Drops the icon, if any, of a connection spec that was just deleted.
  void forget(const store::Scope& scope, std::string_view spec_id);

 private:
  resource::Documents specs_;
  resource::Documents icons_;
};

}  // namespace hw::toolkit
