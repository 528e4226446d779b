#include "engine/pagination/paginator.hpp"

#include <boost/json.hpp>
#include <boost/url/url.hpp>

#include <charconv>

#include "engine/redact.hpp"
#include "engine/run_error.hpp"
#include "engine/template.hpp"
#include "json/access.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine {

std::unique_ptr<Paginator> make_paginator(const boost::json::object* params) {
  if (!params) return pagination::none();
  const std::string type = json::string_at(*params, "type");
  if (type.empty() || spec::iequals(type, "NONE")) return pagination::none();
  if (spec::iequals(type, "OFFSET")) return pagination::offset(*params);
  if (spec::iequals(type, "POINTER")) return pagination::pointer(*params);
  if (spec::iequals(type, "CONTINUATION_TOKEN")) return pagination::continuation_token(*params);
  if (spec::iequals(type, "PAGE")) return pagination::page(*params);
  throw RunError("UNSUPPORTED_PAGINATION",
                 "'" + type +
                     "' is not a pagination type; use OFFSET, POINTER, CONTINUATION_TOKEN, PAGE "
                     "or NONE");
}

namespace pagination {

// Encoded here, not by Boost.URL, which leaves '+' as is: servers read '+' in a query
// as a space, so a "+00:00" offset must travel as %2B.
void set_query_param(std::string& url, std::string_view name, std::string_view value) {
  boost::urls::url parsed(url);
  const std::string encoded_name = url_encode(name), encoded_value = url_encode(value);
  parsed.encoded_params().set(boost::urls::pct_string_view(encoded_name),
                              boost::urls::pct_string_view(encoded_value));
  url = std::string(parsed.buffer());
}

std::size_t whole_number(const boost::json::object& params, std::string_view name,
                         std::size_t fallback) {
  const auto* value = params.if_contains(name);
  if (!value) return fallback;
  if (value->is_int64() && value->get_int64() >= 0)
    return static_cast<std::size_t>(value->get_int64());
  if (value->is_uint64()) return static_cast<std::size_t>(value->get_uint64());
  if (value->is_string()) {
    const auto& s = value->get_string();
    std::size_t out = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && end == s.data() + s.size()) return out;
  }
  return fallback;
}

std::string shown(std::string_view text, const UpstreamRequest& request) {
  return clip(redact(text, request.secrets), 200);
}

}  // namespace pagination
}  // namespace hw::engine
