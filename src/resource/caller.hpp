#pragma once
#include <string>

#include "store/scope.hpp"

namespace hw::resource {

// Who is calling, and the (org, sandbox) every resource of the call belongs to.
struct Caller {
  store::Scope scope;
  std::string user;    // createdBy / updatedBy
  std::string client;  // createdClient / updatedClient (the x-api-key)
};

}  // namespace hw::resource
