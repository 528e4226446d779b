#pragma once
#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

// Params whose schema says "format": "password" are secrets (DESIGN §2): they are
// sealed beside the document and shown as "***" everywhere else.
namespace hw::connection {

inline constexpr std::string_view kMask = "***";

// Names of the top-level properties of `schema` whose format is "password".
std::vector<std::string> secret_names(const boost::json::object& schema);

// Moves the named params' values out of `params`, leaving the mask in their place.
boost::json::object take_secrets(boost::json::object& params,
                                 const std::vector<std::string>& names);

// Puts the real value back wherever `params` holds the mask: after a PATCH that did
// not touch a secret, or one that echoed the mask back.
void restore_masked(boost::json::object& params, const boost::json::object& secrets);

}  // namespace hw::connection
