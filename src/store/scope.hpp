#pragma once
#include <string>

namespace hw::store {

// Every resource belongs to exactly one (org, sandbox); no query crosses scopes.
struct Scope {
  std::string org;
  std::string sandbox;
};

}  // namespace hw::store
