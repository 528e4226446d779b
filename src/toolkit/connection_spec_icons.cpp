#include "toolkit/connection_spec_icons.hpp"

#include <boost/json.hpp>

#include "http/error.hpp"
#include "json/access.hpp"
#include "spec/builtins.hpp"
#include "toolkit/svg_check.hpp"

namespace hw::toolkit {

ConnectionSpecIcons::ConnectionSpecIcons(store::Store& store)
    : specs_(store, "connectionSpecs", "connection spec"),
      icons_(store, "connectionSpecIcons", "icon") {}

void ConnectionSpecIcons::put(const resource::Caller& caller, std::string_view spec_id,
                              const std::string& svg) {
  specs_.require(caller.scope, spec_id);
  if (spec::is_builtin(spec_id))
    throw http::ApiError(409, "BUILT_IN", "the icons of built-in connection specs cannot change");
  if (svg.size() > kMaxIconBytes)
    throw http::ApiError(413, "PAYLOAD_TOO_LARGE",
                         "an icon is at most " + std::to_string(kMaxIconBytes) + " bytes");
  std::vector<spec::Issue> errors;
  for (const auto& p : check_svg_icon(svg))
    errors.push_back({"$", "line " + std::to_string(p.line) + ", column " +
                               std::to_string(p.column) + ": " + p.message});
  if (!errors.empty())
    throw http::ApiError(400, "INVALID_ICON", "the icon is not a safe SVG", std::move(errors));
  const boost::json::object content{{"connectionSpecId", spec_id}, {"svg", svg}};
  if (icons_.find(caller.scope, spec_id)) {
    icons_.replace(caller, spec_id, content, std::nullopt);
  } else {
    icons_.create(caller, content, std::string(spec_id));
  }
}

std::string ConnectionSpecIcons::get(const store::Scope& scope, std::string_view spec_id) const {
  specs_.require(scope, spec_id);
  const auto doc = icons_.find(scope, spec_id);
  if (!doc) throw http::not_found("icon of connection spec", spec_id);
  return json::string_at(boost::json::parse(doc->body).as_object(), "svg");
}

void ConnectionSpecIcons::forget(const store::Scope& scope, std::string_view spec_id) {
  icons_.store().remove(icons_.kind(), scope, spec_id, std::nullopt);
}

}  // namespace hw::toolkit
