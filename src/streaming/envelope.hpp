#pragma once
#include <simdjson.h>

#include <string>

namespace hw::streaming {

// What one inlet message lands as (DESIGN §5): a message in the XDM envelope
// ({"header": {…}, "body": {"xdmEntity": {…}}}) lands as its xdmEntity, any other JSON
// object as itself. Exactly one member is set.
struct Unwrapped {
  std::string record;  // minified JSON
  std::string error;   // why the message cannot land
};

Unwrapped unwrap(simdjson::dom::element message);

}  // namespace hw::streaming
