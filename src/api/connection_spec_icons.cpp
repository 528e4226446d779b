#include <memory>

#include "api/json_io.hpp"
#include "api/services.hpp"
#include "http/error.hpp"
#include "toolkit/connection_spec_icons.hpp"

namespace hw::api {
namespace {

constexpr const char* kIcon = "/data/foundation/flowservice/connectionSpecs/{id}/icon";
constexpr std::string_view kSvgType = "image/svg+xml";

void require_svg(const http::Request& req) {
  const auto type = req.header("content-type");
  if (!type || !type->starts_with(kSvgType))
    throw http::ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                         "an icon is SVG; send 'Content-Type: image/svg+xml'");
}

// The icon passed the check on its way in; the headers keep a browser from treating it
// as anything but an image even so.
http::Response svg_response(std::string svg) {
  http::Response r;
  r.content_type = std::string(kSvgType);
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.body = std::move(svg);
  return r;
}

}  // namespace

void register_connection_spec_icons(http::Router& router, Services& s) {
  auto icons = std::make_shared<toolkit::ConnectionSpecIcons>(s.store);
  router.add("PUT", kIcon, scoped(s, [icons](const auto& ctx, const auto& req, const auto& p) {
               require_svg(req);
               icons->put(ctx, p["id"], req.body);
               return json_response(204, "");
             }));
  router.add("GET", kIcon, scoped(s, [icons](const auto& ctx, const auto&, const auto& p) {
               return svg_response(icons->get(ctx.scope, p["id"]));
             }));
}

}  // namespace hw::api
